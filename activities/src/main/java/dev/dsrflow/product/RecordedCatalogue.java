package dev.dsrflow.product;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the product catalogue a request depends on, recorded in the request when it is
 * filed: for each product in scope its name, whether it is automated, what it automates and how
 * it is called (timeouts, retries; its task queue derives from its id). A request's workflows
 * run on this record, never on the live configuration, so a product changed or removed in
 * configuration never breaks a request in flight.
 *
 * <p>Compact, since it travels in the workflow's input: the call terms products share are kept
 * once, so 2,000 products on a few sets of terms cost about 70 bytes each
 * (BatchPayloadSizeTest). The information categories and the handler version are not recorded:
 * no workflow reads them.
 *
 * @param products the products, in the request's order
 * @param terms the distinct call terms the products refer to by index
 */
public record RecordedCatalogue(List<Product> products, List<Terms> terms) {
    /** No product recorded (every product then needs an operator). */
    public static final RecordedCatalogue NONE = new RecordedCatalogue(List.of(), List.of());

    public RecordedCatalogue {
        products = products == null ? List.of() : List.copyOf(products);
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    /** One product: its id, name and the index of its call terms. */
    public record Product(String id, String displayName, int terms) {}

    /** How a product is called, as {@link ProductSettings} and {@link ProductDescriptor} declare it. */
    public record Terms(
            boolean automated,
            Set<Capability> capabilities,
            Duration startToCloseTimeout,
            Duration heartbeatTimeout,
            int maxAttempts,
            Duration initialRetryInterval) {}

    /** Records these settings (in order). */
    public static RecordedCatalogue of(Collection<ProductSettings> settings) {
        Map<Terms, Integer> index = new LinkedHashMap<>();
        List<Product> products = new ArrayList<>();
        for (ProductSettings s : settings) {
            Terms t = new Terms(
                    s.descriptor().automated(),
                    Set.copyOf(s.descriptor().capabilities()),
                    s.startToCloseTimeout(),
                    s.heartbeatTimeout(),
                    s.maxAttempts(),
                    s.initialRetryInterval());
            int i = index.computeIfAbsent(t, k -> index.size());
            products.add(new Product(s.id(), s.descriptor().displayName(), i));
        }
        return new RecordedCatalogue(products, List.copyOf(index.keySet()));
    }

    /** The recorded products as a catalogue the workflows call them by. */
    public ProductCatalog toCatalog() {
        List<ProductSettings> settings = new ArrayList<>();
        for (Product p : products) {
            Terms t = terms.get(p.terms());
            settings.add(new ProductSettings(
                    new ProductDescriptor(p.id(), p.displayName(), Set.of(), t.capabilities(), t.automated(), null),
                    t.startToCloseTimeout(),
                    t.heartbeatTimeout(),
                    t.maxAttempts(),
                    t.initialRetryInterval(),
                    0));
        }
        return new ProductCatalog(settings);
    }
}
