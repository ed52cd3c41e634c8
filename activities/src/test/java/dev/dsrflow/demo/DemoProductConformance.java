package dev.dsrflow.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.conformance.ProductHandlerConformanceKit;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Runs the conformance kit on one demo product, installed (migrated and seeded with its 1,000
 * subjects) once per test JVM in its own database. Erase chunks are tiny so every erase spans
 * several chunks and checkpoints.
 */
abstract class DemoProductConformance extends ProductHandlerConformanceKit {
    private static final Map<String, DemoProductHandler> INSTALLED = new ConcurrentHashMap<>();

    private final DemoProductHandler handler;

    DemoProductConformance(String productId) {
        this.handler = INSTALLED.computeIfAbsent(productId, DemoProductConformance::install);
    }

    static DemoProductHandler install(String productId) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(TestDatabase.fresh());
        pool.setMaximumPoolSize(4);
        pool.setPoolName("demo-" + productId);
        DataSource db = new HikariDataSource(pool);
        DemoProduct product = DemoProducts.definition(productId);
        DemoProducts.install(db, product);
        return new DemoProductHandler(db, product, 2);
    }

    @Override
    public ProductHandler handler() {
        return handler;
    }

    @Override
    public void seed(SubjectIdentifiers subject, InformationCategory category, List<Instant> createdAt) {
        handler.addItems(subject, category, createdAt);
    }

    @Override
    public long visibleItems(SubjectIdentifiers subject) {
        return handler.visibleItems(subject);
    }
}
