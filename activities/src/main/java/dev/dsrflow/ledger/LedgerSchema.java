package dev.dsrflow.ledger;

import dev.dsrflow.model.RequestStatus;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Creates and upgrades the ledger's tables (Flyway, schema {@code ledger}). */
public final class LedgerSchema {
    public static final String SCHEMA = "ledger";

    /**
     * The final request statuses as an SQL list, {@code ('COMPLETED', …)}, in the order the
     * ledger's partial indexes name them (a query must say it so for the planner to use them).
     */
    public static final String FINAL_STATUSES = Arrays.stream(RequestStatus.values())
            .filter(RequestStatus::isFinal)
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(",", "(", ")"));

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
