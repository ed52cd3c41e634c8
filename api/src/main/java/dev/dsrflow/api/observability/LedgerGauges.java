package dev.dsrflow.api.observability;

import dev.dsrflow.ledger.LedgerSchema;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.product.ProductCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges computed from the ledger: open requests by type and status, those overdue, due within a
 * day and within the warning window, product tasks waiting for an operator (and for how long),
 * whether the ledger answers. Two grouped queries over the open rows only (partial indexes),
 * every {@code refresh-interval}; a scrape reads the last result from memory. Every process
 * with a ledger publishes them: aggregate with {@code max}, not {@code sum}.
 */
@Context
@Requires(beans = {DataSource.class, MeterRegistry.class})
class LedgerGauges {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerGauges.class);
    private static final String T = LedgerSchema.SCHEMA + ".";
    private static final String OPEN = "status not in " + LedgerSchema.FINAL_STATUSES;

    private final DataSource ledger;
    private final RequestPolicy policy;
    private final ProductCatalog catalog;
    private final GaugeFamily open;
    private final GaugeFamily overdue;
    private final GaugeFamily dueWithinDay;
    private final GaugeFamily dueWithinWarning;
    private final GaugeFamily waiting;
    private final GaugeFamily waitingOldest;
    private volatile double up;
    private final ScheduledFuture<?> refresh;

    LedgerGauges(
            DataSource ledger,
            RequestPolicy policy,
            ProductCatalog catalog,
            MeterRegistry registry,
            ObservabilitySettings settings,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.ledger = ledger;
        this.policy = policy;
        this.catalog = catalog;
        this.open = new GaugeFamily(
                registry, "dsrflow.requests.open", null, "Requests not yet in an end state, by type and status");
        this.overdue = new GaugeFamily(registry, "dsrflow.requests.overdue", null, "Open requests past their due date");
        this.dueWithinDay = new GaugeFamily(
                registry, "dsrflow.requests.due.within.day", null, "Open requests due within the next 24 hours");
        this.dueWithinWarning = new GaugeFamily(
                registry,
                "dsrflow.requests.due.within.warning",
                null,
                "Open requests due within the warning window (dsrflow.deadlines.warning-lead)");
        this.waiting = new GaugeFamily(
                registry,
                "dsrflow.product.tasks.waiting",
                null,
                "Product tasks of open requests waiting for an operator (FAILED or MANUAL)");
        this.waitingOldest = new GaugeFamily(
                registry,
                "dsrflow.product.tasks.waiting.oldest",
                "seconds",
                "Seconds the oldest product task has waited for an operator");
        Gauge.builder("dsrflow.ledger.up", this, g -> g.up)
                .description("1 when the last ledger query answered, else 0")
                .register(registry);
        this.refresh = scheduler.scheduleWithFixedDelay(
                java.time.Duration.ZERO, settings.refreshInterval(), this::refreshQuietly);
    }

    @PreDestroy
    void stop() {
        refresh.cancel(false);
    }

    private void refreshQuietly() {
        try {
            refresh();
            up = 1;
        } catch (SQLException | RuntimeException e) {
            up = 0;
            LOG.warn("ledger gauges: the ledger does not answer: {}", e.toString());
        }
    }

    /** Recomputes every gauge (two queries). */
    void refresh() throws SQLException {
        Map<String, Map<Tags, Long>> rows = new HashMap<>();
        Instant now = Instant.now();
        try (Connection c = ledger.getConnection()) {
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("select type, status, count(*),"
                    + " count(*) filter (where due_at < ?),"
                    + " count(*) filter (where due_at >= ? and due_at < ?),"
                    + " count(*) filter (where due_at >= ? and due_at < ?)"
                    + " from " + T + "requests where " + OPEN + " group by type, status")) {
                java.sql.Timestamp at = java.sql.Timestamp.from(now);
                ps.setTimestamp(1, at);
                ps.setTimestamp(2, at);
                ps.setTimestamp(3, java.sql.Timestamp.from(now.plus(java.time.Duration.ofDays(1))));
                ps.setTimestamp(4, at);
                ps.setTimestamp(5, java.sql.Timestamp.from(now.plus(policy.warningLead())));
                Map<String, long[]> byType = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(1);
                        add(rows, "open", Tags.of("type", type, "status", rs.getString(2)), rs.getLong(3));
                        long[] sums = byType.computeIfAbsent(type, t -> new long[3]);
                        sums[0] += rs.getLong(4);
                        sums[1] += rs.getLong(5);
                        sums[2] += rs.getLong(6);
                    }
                }
                for (dev.dsrflow.model.RequestType type : dev.dsrflow.model.RequestType.values()) {
                    long[] sums = byType.getOrDefault(type.name(), new long[3]);
                    Tags tags = Tags.of("type", type.name());
                    add(rows, "overdue", tags, sums[0]);
                    add(rows, "day", tags, sums[1]);
                    add(rows, "warning", tags, sums[2]);
                }
            }
            Map<String, long[]> byProduct = new HashMap<>();
            for (String product : catalog.ids()) {
                byProduct.put(product, new long[2]);
            }
            try (PreparedStatement ps = c.prepareStatement("select t.product, count(*), min(t.updated_at) from " + T
                    + "product_tasks t join " + T + "requests r on r.id = t.request_id"
                    + " where t.status in ('FAILED','MANUAL') and r." + OPEN + " group by t.product")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long oldest = Math.max(
                                0,
                                now.getEpochSecond()
                                        - rs.getTimestamp(3).toInstant().getEpochSecond());
                        byProduct.put(rs.getString(1), new long[] {rs.getLong(2), oldest});
                    }
                }
            }
            byProduct.forEach((product, v) -> {
                add(rows, "waiting", Tags.of("product", product), v[0]);
                add(rows, "oldest", Tags.of("product", product), v[1]);
            });
        }
        open.set(rows.getOrDefault("open", Map.of()));
        overdue.set(rows.getOrDefault("overdue", Map.of()));
        dueWithinDay.set(rows.getOrDefault("day", Map.of()));
        dueWithinWarning.set(rows.getOrDefault("warning", Map.of()));
        waiting.set(rows.getOrDefault("waiting", Map.of()));
        waitingOldest.set(rows.getOrDefault("oldest", Map.of()));
    }

    private static void add(Map<String, Map<Tags, Long>> rows, String gauge, Tags tags, long value) {
        rows.computeIfAbsent(gauge, g -> new HashMap<>()).put(tags, value);
    }
}
