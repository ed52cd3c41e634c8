package dev.dsrflow.product;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The products dsrflow knows, in configuration order: the live configuration (API, product
 * registry), or the catalogue a request recorded at filing (its workflows).
 */
public final class ProductCatalog {
    private final Map<String, ProductSettings> products = new LinkedHashMap<>();

    public ProductCatalog(List<ProductSettings> settings) {
        for (ProductSettings s : settings) {
            if (products.put(s.id(), s) != null) {
                throw new IllegalArgumentException("product declared twice: " + s.id());
            }
        }
    }

    public List<ProductSettings> all() {
        return new ArrayList<>(products.values());
    }

    public List<String> ids() {
        return List.copyOf(products.keySet());
    }

    public Optional<ProductSettings> find(String id) {
        return Optional.ofNullable(products.get(id));
    }

    /**
     * What a request over these products depends on, recorded at filing ({@code
     * RequestSpec.catalogue}): the settings of these products in the order given (those this
     * catalogue does not know are left out), then every product that resolves identities
     * ({@link Capability#RESOLVE}), which the request asks whether named in it or not.
     */
    public List<ProductSettings> forRequest(Collection<String> ids) {
        List<ProductSettings> out = only(ids);
        for (ProductSettings s : products.values()) {
            if (s.descriptor().capabilities().contains(Capability.RESOLVE) && !ids.contains(s.id())) {
                out.add(s);
            }
        }
        return out;
    }

    /** The settings of these products, in the order given; products this catalogue does not know are left out. */
    public List<ProductSettings> only(Collection<String> ids) {
        List<ProductSettings> out = new ArrayList<>();
        for (String id : ids) {
            find(id).ifPresent(out::add);
        }
        return out;
    }

    public ProductSettings get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown product: " + id));
    }
}
