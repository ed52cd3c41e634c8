package dev.dsrflow.demo;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.CategoryCount;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportSink;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.VerificationReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A demo product on PostgreSQL: items live in the product's own schema, one table per
 * category; restrict flips a flag the product's normal reads honour; preserve copies rows into
 * {@code held_items}, which erase never touches; erase deletes in chunks and checkpoints after
 * each, so a retried erase resumes where the failed one stopped and reports what all its
 * attempts erased. Every erased chunk is kept in the product's erasure log (subject key,
 * category, items, when by the product's clock): {@link #erasureLog}.
 */
public final class DemoProductHandler implements ProductHandler {
    private static final int DEFAULT_ERASE_CHUNK = 500;

    private final DataSource db;
    private final DemoProduct product;
    private final String schema;
    private final Accounts accounts;
    private final int eraseChunk;
    private final ItemReads reads;
    private final Clock clock;

    public DemoProductHandler(DataSource db, DemoProduct product) {
        this(db, product, DEFAULT_ERASE_CHUNK);
    }

    /** With a custom erase chunk size (small chunks make checkpoints visible in tests). */
    public DemoProductHandler(DataSource db, DemoProduct product, int eraseChunk) {
        this(db, product, eraseChunk, Clock.systemUTC());
    }

    /**
     * With a custom erase chunk size and the clock that stamps the erasure log (tests pass the
     * clock their workflows run on, e.g. a time-skipping test server's).
     */
    public DemoProductHandler(DataSource db, DemoProduct product, int eraseChunk, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.product = product;
        this.schema = product.schema();
        this.accounts = new Accounts(schema);
        this.eraseChunk = eraseChunk;
        this.reads = new ItemReads(product);
    }

    @Override
    public ProductDescriptor descriptor() {
        return product.descriptor();
    }

    @Override
    public Inventory locate(SubjectRef subject, ProductScope scope) {
        return withConnection(c -> reads.count(c, scopeOf(c, subject, scope), tablesIn(scope)));
    }

    @Override
    public ExportManifest export(
            SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress progress) {
        return withConnection(c -> {
            SubjectScope rows = scopeOf(c, subject, scope);
            ExportCursor cursor = progress.resumeFrom().map(ExportCursor::parse).orElse(new ExportCursor(List.of()));
            for (CategoryCount found : reads.count(c, rows, tablesIn(scope)).categories()) {
                if (!cursor.has(CategoryFile.pathOf(found.category(), format))) {
                    cursor = cursor.with(reads.export(c, rows, found.category(), format, sink));
                    progress.checkpoint(cursor.text());
                }
            }
            return new ExportManifest(cursor.done());
        });
    }

    @Override
    public long restrict(SubjectRef subject, ProductScope scope) {
        return setRestricted(subject, scope, true);
    }

    @Override
    public long unrestrict(SubjectRef subject, ProductScope scope) {
        return setRestricted(subject, scope, false);
    }

    @Override
    public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
        ErasureCursor start = progress.resumeFrom().map(ErasureCursor::parse).orElseGet(() -> {
            // Heartbeat the run id before deleting anything, so every retry counts under the same run.
            ErasureCursor fresh = ErasureCursor.start();
            progress.checkpoint(fresh.text(), 0);
            return fresh;
        });
        return withConnection(c -> {
            SubjectScope rows = scopeOf(c, subject, scope);
            if (!rows.isEmpty()) {
                new ChunkedErasure(c, schema, tablesIn(scope), rows, subject.subjectKey(), eraseChunk, clock)
                        .run(start, progress);
                if (coversEverything(scope)) {
                    forgetAccounts(c, rows);
                }
            }
            return new ErasureReport(ChunkedErasure.erasedBy(c, schema, start.run()));
        });
    }

    @Override
    public VerificationReport verifyErased(SubjectRef subject, ProductScope scope) {
        return withConnection(c -> new VerificationReport(
                reads.count(c, scopeOf(c, subject, scope), tablesIn(scope)).totalItems()));
    }

    @Override
    public PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
        return withConnection(c -> new HoldArea(c, schema)
                .preserve(scopeOf(c, subject, scope), tablesIn(scope), subject.subjectKey(), holdId));
    }

    @Override
    public long release(SubjectRef subject, String holdId) {
        return withConnection(c -> new HoldArea(c, schema).release(holdId));
    }

    /** The identifiers of the subject's accounts, with what was given first (only profile declares RESOLVE). */
    @Override
    public List<SubjectIdentifiers> resolve(SubjectRef subject) {
        return withConnection(c -> {
            List<SubjectIdentifiers> identities = new ArrayList<>();
            identities.add(subject.identifiers());
            identities.addAll(accounts.identities(c, subject.identifiers()));
            return identities;
        });
    }

    /**
     * The product's normal read: how many of the subject's items its users and features see
     * (restricted items are hidden).
     */
    public long visibleItems(SubjectIdentifiers who) {
        return withConnection(c -> {
            String[] ids = accounts.find(c, who);
            long visible = 0;
            for (ItemTable t : product.tables()) {
                String sql = "select count(*) from " + schema + "." + t.name()
                        + " where account_id = any(?) and not restricted";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setArray(1, c.createArrayOf("text", ids));
                    visible += single(ps);
                }
            }
            return visible;
        });
    }

    /**
     * The product's own record of what it erased for a subject key: one entry per erased chunk,
     * oldest first.
     */
    public List<ErasureLogEntry> erasureLog(String subjectKey) {
        return withConnection(c -> {
            String sql = "select run_id, category, items, erased_at from " + schema + ".erasure_log"
                    + " where subject_key = ? order by id";
            List<ErasureLogEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, subjectKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new ErasureLogEntry(
                                rs.getString(1),
                                subjectKey,
                                InformationCategory.valueOf(rs.getString(2)),
                                rs.getLong(3),
                                rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return entries;
        });
    }

    /** Adds items of one category for a subject (creating its account), created at the given times. */
    public void addItems(SubjectIdentifiers who, InformationCategory category, List<Instant> createdAt) {
        ItemTable table = product.tables().stream()
                .filter(t -> t.category() == category)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(product.id() + " holds no " + category));
        withConnection(c -> {
            String account = accounts.ensure(c, who);
            String sql = "insert into " + schema + "." + table.name() + " (account_id, created_at) select ?, unnest(?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, account);
                ps.setArray(
                        2,
                        c.createArrayOf(
                                "timestamptz",
                                createdAt.stream().map(Timestamp::from).toArray()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private long setRestricted(SubjectRef subject, ProductScope scope, boolean restricted) {
        return withConnection(c -> {
            SubjectScope rows = scopeOf(c, subject, scope);
            if (rows.isEmpty()) {
                return 0L;
            }
            long changed = 0;
            for (ItemTable t : tablesIn(scope)) {
                String sql = "update " + schema + "." + t.name() + " set restricted = ? where " + SubjectScope.CONDITION
                        + " and restricted <> ?";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setBoolean(1, restricted);
                    ps.setBoolean(rows.bind(c, ps, 2), restricted);
                    changed += ps.executeUpdate();
                }
            }
            return changed;
        });
    }

    private void forgetAccounts(Connection c, SubjectScope rows) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("delete from " + schema + ".accounts where account_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", rows.accounts()));
            ps.executeUpdate();
        }
    }

    private SubjectScope scopeOf(Connection c, SubjectRef subject, ProductScope scope) throws SQLException {
        return new SubjectScope(accounts.find(c, subject.identifiers()), scope.dateRange());
    }

    private List<ItemTable> tablesIn(ProductScope scope) {
        return product.tables().stream().filter(t -> scope.covers(t.category())).toList();
    }

    private boolean coversEverything(ProductScope scope) {
        return scope.dateRange().from() == null
                && scope.dateRange().to() == null
                && product.tables().stream().allMatch(t -> scope.covers(t.category()));
    }

    static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private <T> T withConnection(SqlWork<T> work) {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DemoStoreException(product.id(), e);
        }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
