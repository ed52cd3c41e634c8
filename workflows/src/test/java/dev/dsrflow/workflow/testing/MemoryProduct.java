package dev.dsrflow.workflow.testing;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.CategoryCount;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportSink;
import dev.dsrflow.product.ExportedFile;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PermanentHandlerException;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.VerificationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real, in-memory product: rows per subject, preserved copies per hold, restriction flags,
 * and a log of every call with the holds whose copies existed at that moment. Failures can be
 * injected (transient, permanent, a verification residue). Thread-safe.
 */
public final class MemoryProduct implements ProductHandler {
    /** One handler call, as the product saw it. */
    public record Call(long seq, String op, String subjectKey, Set<String> preservedHolds) {}

    private record Row(long id, InformationCategory category, Instant createdAt) {}

    private static final AtomicLong SEQ = new AtomicLong();

    private final ProductDescriptor descriptor;
    private final Map<String, List<Row>> rows = new HashMap<>();
    private final Map<String, Set<Long>> restricted = new HashMap<>();
    private final Map<String, Map<String, List<Row>>> preserved = new HashMap<>(); // holdId -> subject -> rows
    private final Map<String, Long> erasedCount = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Integer> transientFailures = new HashMap<>();
    private final Set<String> permanentFailures = new TreeSet<>();
    private int residueRuns;
    private long nextId = 1;

    public MemoryProduct(ProductDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** Gives the subject {@code perCategory} rows in every category the product holds. */
    public synchronized MemoryProduct seed(String subjectKey, int perCategory) {
        List<Row> list = rows.computeIfAbsent(subjectKey, k -> new ArrayList<>());
        for (InformationCategory c : new TreeSet<>(descriptor.categories())) {
            for (int i = 0; i < perCategory; i++) {
                list.add(new Row(
                        nextId++, c, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * i)));
            }
        }
        return this;
    }

    /** The next {@code times} calls of {@code op} throw a transient error. */
    public synchronized void failTransiently(String op, int times) {
        transientFailures.put(op, times);
    }

    /** Every call of {@code op} throws a permanent error until {@link #heal}. */
    public synchronized void failPermanently(String op) {
        permanentFailures.add(op);
    }

    public synchronized void heal() {
        permanentFailures.clear();
        transientFailures.clear();
    }

    /** The next {@code runs} erase calls leave one row behind (a lagging replica). */
    public synchronized void leaveResidue(int runs) {
        residueRuns = runs;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String op) {
        return calls.stream().filter(c -> c.op().equals(op)).toList();
    }

    public synchronized int liveRows(String subjectKey) {
        return rows.getOrDefault(subjectKey, List.of()).size();
    }

    public synchronized int visibleRows(String subjectKey) {
        return liveRows(subjectKey)
                - restricted.getOrDefault(subjectKey, Set.of()).size();
    }

    public synchronized int preservedRows(String holdId, String subjectKey) {
        return preserved
                .getOrDefault(holdId, Map.of())
                .getOrDefault(subjectKey, List.of())
                .size();
    }

    @Override
    public ProductDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public synchronized Inventory locate(SubjectRef subject, ProductScope scope) {
        enter("locate", subject);
        Map<InformationCategory, List<Row>> by = new EnumMap<>(InformationCategory.class);
        inScope(subject, scope)
                .forEach(r ->
                        by.computeIfAbsent(r.category(), c -> new ArrayList<>()).add(r));
        List<CategoryCount> counts = new ArrayList<>();
        by.forEach((c, list) -> counts.add(new CategoryCount(
                c,
                list.size(),
                list.get(0).createdAt(),
                list.get(list.size() - 1).createdAt())));
        return new Inventory(counts);
    }

    @Override
    public synchronized ExportManifest export(
            SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress progress) {
        enter("export", subject);
        Map<InformationCategory, List<Row>> by = new LinkedHashMap<>();
        inScope(subject, scope)
                .forEach(r ->
                        by.computeIfAbsent(r.category(), c -> new ArrayList<>()).add(r));
        List<ExportedFile> files = new ArrayList<>();
        for (var e : by.entrySet()) {
            String path = e.getKey().name().toLowerCase() + (format == ExportFormat.HTML ? ".html" : ".json");
            StringBuilder body = new StringBuilder("[");
            e.getValue()
                    .forEach(r -> body.append("{\"id\":")
                            .append(r.id())
                            .append(",\"at\":\"")
                            .append(r.createdAt())
                            .append("\"},"));
            byte[] bytes = body.append("]").toString().getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = sink.open(path)) {
                out.write(bytes);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            files.add(new ExportedFile(
                    path, bytes.length, sha256(bytes), e.getValue().size()));
            progress.checkpoint(path);
        }
        return new ExportManifest(files);
    }

    @Override
    public synchronized long restrict(SubjectRef subject, ProductScope scope) {
        enter("restrict", subject);
        Set<Long> hidden = restricted.computeIfAbsent(subject.subjectKey(), k -> new TreeSet<>());
        inScope(subject, scope).forEach(r -> hidden.add(r.id()));
        return hidden.size();
    }

    @Override
    public synchronized long unrestrict(SubjectRef subject, ProductScope scope) {
        enter("unrestrict", subject);
        Set<Long> hidden = restricted.remove(subject.subjectKey());
        return hidden == null ? 0 : hidden.size();
    }

    @Override
    public synchronized ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
        enter("erase", subject);
        List<Row> doomed = inScope(subject, scope);
        if (residueRuns > 0 && !doomed.isEmpty()) {
            residueRuns--;
            doomed = doomed.subList(1, doomed.size());
        }
        Map<InformationCategory, Long> erased = new EnumMap<>(InformationCategory.class);
        List<Row> gone = List.copyOf(doomed);
        rows.getOrDefault(subject.subjectKey(), new ArrayList<>()).removeAll(gone);
        gone.forEach(r -> erased.merge(r.category(), 1L, Long::sum));
        erasedCount.merge(subject.subjectKey(), (long) gone.size(), Long::sum);
        return new ErasureReport(erased);
    }

    @Override
    public synchronized VerificationReport verifyErased(SubjectRef subject, ProductScope scope) {
        enter("verify", subject);
        return new VerificationReport(inScope(subject, scope).size());
    }

    @Override
    public synchronized PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
        enter("preserve", subject);
        List<Row> copy = List.copyOf(inScope(subject, scope));
        preserved.computeIfAbsent(holdId, k -> new HashMap<>()).put(subject.subjectKey(), copy);
        StringBuilder digestInput = new StringBuilder();
        copy.forEach(r -> digestInput.append(r.id()).append(','));
        return new PreservationReceipt(
                holdId,
                copy.size(),
                sha256(digestInput.toString().getBytes(StandardCharsets.UTF_8)),
                erasedCount.getOrDefault(subject.subjectKey(), 0L));
    }

    @Override
    public synchronized long release(SubjectRef subject, String holdId) {
        enter("release", subject);
        Map<String, List<Row>> bySubject = preserved.get(holdId);
        List<Row> dropped = bySubject == null ? null : bySubject.remove(subject.subjectKey());
        if (bySubject != null && bySubject.isEmpty()) {
            preserved.remove(holdId);
        }
        return dropped == null ? 0 : dropped.size();
    }

    private void enter(String op, SubjectRef subject) {
        Set<String> holds = new TreeSet<>();
        preserved.forEach((hold, bySubject) -> {
            if (bySubject.containsKey(subject.subjectKey())) {
                holds.add(hold);
            }
        });
        calls.add(new Call(SEQ.incrementAndGet(), op, subject.subjectKey(), holds));
        if (permanentFailures.contains(op)) {
            throw new PermanentHandlerException("TEST_REFUSAL", op + " refused by the test product");
        }
        Integer left = transientFailures.get(op);
        if (left != null && left > 0) {
            transientFailures.put(op, left - 1);
            throw new IllegalStateException(op + " backend unavailable");
        }
    }

    private List<Row> inScope(SubjectRef subject, ProductScope scope) {
        return rows.getOrDefault(subject.subjectKey(), List.of()).stream()
                .filter(r -> scope.covers(r.category()) && scope.dateRange().contains(r.createdAt()))
                .toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
