package dev.dsrflow.ledger;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Creates and upgrades the ledger's tables (Flyway, schema {@code ledger}). */
public final class LedgerSchema {
    public static final String SCHEMA = "ledger";

    private LedgerSchema() {}

    /** Applies pending migrations; safe to call from every process at start-up. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .locations("classpath:db/ledger")
                .load()
                .migrate();
    }
}
