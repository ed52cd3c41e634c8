package dev.dsrflow.demo;

import static dev.dsrflow.catalogue.InformationCategory.ACTIVITY;
import static dev.dsrflow.catalogue.InformationCategory.AD_INTERACTIONS;
import static dev.dsrflow.catalogue.InformationCategory.CONNECTIONS;
import static dev.dsrflow.catalogue.InformationCategory.CONTACTS;
import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static dev.dsrflow.catalogue.InformationCategory.DEVICE;
import static dev.dsrflow.catalogue.InformationCategory.MESSAGES;
import static dev.dsrflow.catalogue.InformationCategory.NETWORK_AND_LOCATION;
import static dev.dsrflow.catalogue.InformationCategory.PARTNER_ACTIVITY;
import static dev.dsrflow.catalogue.InformationCategory.PROFILE;
import static dev.dsrflow.catalogue.InformationCategory.PURCHASES;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The demo products of the one-command default, derived from the policy's categories: eight
 * automated products on PostgreSQL (one schema each, seeded with 1,000 synthetic subjects
 * {@code u-0001}..{@code u-1000}) and the manual {@code support-tickets}. {@code profile} owns
 * identity: it alone declares {@link Capability#RESOLVE} and answers with its accounts' user id,
 * e-mail and phone.
 */
public final class DemoProducts {
    public static final String HANDLER_VERSION = "demo-1";
    /** The demo product that owns identity (declares {@link Capability#RESOLVE}). */
    public static final String IDENTITY_OWNER = "profile";

    private static final List<DemoProduct> AUTOMATED = List.of(
            product("profile", "Profile", new ItemTable("profile_fields", PROFILE)),
            product(
                    "content",
                    "Posts and reactions",
                    new ItemTable("posts", CONTENT),
                    new ItemTable("reactions", ACTIVITY)),
            product("messaging", "Messaging", new ItemTable("messages", MESSAGES)),
            product(
                    "connections",
                    "Friends and contacts",
                    new ItemTable("follows", CONNECTIONS),
                    new ItemTable("uploaded_contacts", CONTACTS)),
            product("commerce", "Shops and payments", new ItemTable("orders", PURCHASES)),
            product("ads", "Ads", new ItemTable("ad_events", AD_INTERACTIONS)),
            product(
                    "device-telemetry",
                    "Device telemetry",
                    new ItemTable("device_signals", DEVICE),
                    new ItemTable("network_events", NETWORK_AND_LOCATION)),
            product("partner-data", "Partner data", new ItemTable("partner_events", PARTNER_ACTIVITY)));

    private DemoProducts() {}

    /** The automated demo products' definitions, in a stable order. */
    public static List<DemoProduct> definitions() {
        return AUTOMATED;
    }

    /** One automated demo product's definition. */
    public static DemoProduct definition(String id) {
        return AUTOMATED.stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no automated demo product " + id));
    }

    /** Every demo product's handler, the manual one last. Call {@link #install} first. */
    public static List<ProductHandler> all(DataSource db) {
        List<ProductHandler> handlers = new ArrayList<>();
        AUTOMATED.forEach(p -> handlers.add(new DemoProductHandler(db, p)));
        handlers.add(new SupportTicketsHandler());
        return handlers;
    }

    /** How the orchestrator calls each demo product: timeouts, retries, rate limit. */
    public static List<ProductSettings> settings() {
        return Stream.concat(
                        AUTOMATED.stream().map(DemoProduct::descriptor), Stream.of(SupportTicketsHandler.DESCRIPTOR))
                .map(DemoProducts::settingsOf)
                .toList();
    }

    /** Creates every demo schema and seeds it, once: later calls find nothing to do. */
    public static void install(DataSource db) {
        AUTOMATED.forEach(p -> install(db, p));
    }

    /** Creates and seeds one demo product's schema, once. */
    public static void install(DataSource db, DemoProduct product) {
        Flyway.configure()
                .dataSource(db)
                .schemas(product.schema())
                .defaultSchema(product.schema())
                .locations(product.migrationLocations().toArray(String[]::new))
                .load()
                .migrate();
    }

    private static ProductSettings settingsOf(ProductDescriptor d) {
        boolean bulky = d.id().equals("device-telemetry") || d.id().equals("ads");
        return new ProductSettings(
                d,
                bulky ? Duration.ofMinutes(30) : Duration.ofMinutes(10),
                Duration.ofMinutes(1),
                5,
                Duration.ofSeconds(2),
                bulky ? 5 : 20);
    }

    private static DemoProduct product(String id, String name, ItemTable... tables) {
        EnumSet<InformationCategory> categories = EnumSet.noneOf(InformationCategory.class);
        for (ItemTable t : tables) {
            categories.add(t.category());
        }
        EnumSet<Capability> capabilities = EnumSet.allOf(Capability.class);
        if (!id.equals(IDENTITY_OWNER)) {
            capabilities.remove(Capability.RESOLVE);
        }
        return new DemoProduct(
                new ProductDescriptor(id, name, categories, capabilities, true, HANDLER_VERSION), List.of(tables));
    }
}
