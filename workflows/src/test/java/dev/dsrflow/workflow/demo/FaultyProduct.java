package dev.dsrflow.workflow.demo;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.demo.DemoProductHandler;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportSink;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PermanentHandlerException;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.VerificationReport;
import dev.dsrflow.product.activity.ProductStep;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real demo product with the faults of a real backend injected in front of it, per subject
 * key (other subjects pass straight through): an operation that fails transiently a number of
 * times (a retryable exception, as an unreachable database throws) or permanently
 * ({@link PermanentHandlerException}); a connection that drops in the middle of an erase, after
 * the first chunk was deleted and checkpointed; and late writes, items that arrive through the
 * product's own tables after an erase finished (a lagging replica catching up), so that
 * verification finds a residue.
 */
public final class FaultyProduct implements ProductHandler {
    private static final Instant LATE_ITEMS_CREATED = Instant.parse("2025-06-01T00:00:00Z");

    private final DemoProductHandler product;
    private final Map<String, Faults> bySubject = new HashMap<>();

    /** The faults injected for one subject key. */
    private static final class Faults {
        final Map<ProductStep, Integer> transientLeft = new EnumMap<>(ProductStep.class);
        final Set<ProductStep> permanent = EnumSet.noneOf(ProductStep.class);
        int dropsLeft;
        boolean dropIsPermanent;
        int lateWriteRuns;
        int lateItems;
    }

    public FaultyProduct(DemoProductHandler product) {
        this.product = product;
    }

    /** The next {@code times} calls of {@code step} for the subject throw a retryable error. */
    public synchronized FaultyProduct failTransiently(String subjectKey, ProductStep step, int times) {
        faults(subjectKey).transientLeft.put(step, times);
        return this;
    }

    /** Every call of {@code step} for the subject is refused permanently until {@link #heal}. */
    public synchronized FaultyProduct failPermanently(String subjectKey, ProductStep step) {
        faults(subjectKey).permanent.add(step);
        return this;
    }

    /**
     * The next {@code times} erases for the subject lose their connection right after deleting
     * and checkpointing their first chunk: with a retryable error, or a permanent one.
     */
    public synchronized FaultyProduct dropMidErase(String subjectKey, int times, boolean permanent) {
        Faults f = faults(subjectKey);
        f.dropsLeft = times;
        f.dropIsPermanent = permanent;
        return this;
    }

    /** After each of the next {@code runs} erases for the subject, {@code items} items arrive late. */
    public synchronized FaultyProduct lateWrites(String subjectKey, int runs, int items) {
        Faults f = faults(subjectKey);
        f.lateWriteRuns = runs;
        f.lateItems = items;
        return this;
    }

    /** Removes every fault injected for the subject. */
    public synchronized void heal(String subjectKey) {
        bySubject.remove(subjectKey);
    }

    @Override
    public ProductDescriptor descriptor() {
        return product.descriptor();
    }

    @Override
    public Inventory locate(SubjectRef subject, ProductScope scope) {
        enter(ProductStep.LOCATE, subject);
        return product.locate(subject, scope);
    }

    @Override
    public ExportManifest export(
            SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress progress) {
        enter(ProductStep.EXPORT, subject);
        return product.export(subject, scope, format, sink, progress);
    }

    @Override
    public long restrict(SubjectRef subject, ProductScope scope) {
        enter(ProductStep.RESTRICT, subject);
        return product.restrict(subject, scope);
    }

    @Override
    public long unrestrict(SubjectRef subject, ProductScope scope) {
        enter(ProductStep.UNRESTRICT, subject);
        return product.unrestrict(subject, scope);
    }

    @Override
    public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
        enter(ProductStep.ERASE, subject);
        Optional<Boolean> drop = takeDrop(subject.subjectKey());
        ErasureReport report = product.erase(
                subject, scope, drop.isPresent() ? dropping(subject, scope, progress, drop.get()) : progress);
        int late = takeLateWrites(subject.subjectKey());
        if (late > 0) {
            InformationCategory category =
                    descriptor().categories().stream().sorted().findFirst().orElseThrow();
            product.addItems(subject.identifiers(), category, Collections.nCopies(late, LATE_ITEMS_CREATED));
        }
        return report;
    }

    @Override
    public VerificationReport verifyErased(SubjectRef subject, ProductScope scope) {
        enter(ProductStep.VERIFY, subject);
        return product.verifyErased(subject, scope);
    }

    @Override
    public PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
        enter(ProductStep.PRESERVE, subject);
        return product.preserve(subject, scope, holdId);
    }

    @Override
    public long release(SubjectRef subject, String holdId) {
        enter(ProductStep.RELEASE, subject);
        return product.release(subject, holdId);
    }

    @Override
    public List<SubjectIdentifiers> resolve(SubjectRef subject) {
        return product.resolve(subject);
    }

    private synchronized void enter(ProductStep step, SubjectRef subject) {
        Faults f = bySubject.get(subject.subjectKey());
        if (f == null) {
            return;
        }
        if (f.permanent.contains(step)) {
            throw new PermanentHandlerException(
                    "BACKEND_REFUSED", descriptor().id() + " refuses " + step + " (injected)");
        }
        Integer left = f.transientLeft.get(step);
        if (left != null && left > 0) {
            f.transientLeft.put(step, left - 1);
            throw new IllegalStateException(descriptor().id() + " backend unavailable (injected)");
        }
    }

    private synchronized Optional<Boolean> takeDrop(String subjectKey) {
        Faults f = bySubject.get(subjectKey);
        if (f == null || f.dropsLeft == 0) {
            return Optional.empty();
        }
        f.dropsLeft--;
        return Optional.of(f.dropIsPermanent);
    }

    private synchronized int takeLateWrites(String subjectKey) {
        Faults f = bySubject.get(subjectKey);
        if (f == null || f.lateWriteRuns == 0) {
            return 0;
        }
        f.lateWriteRuns--;
        return f.lateItems;
    }

    private Faults faults(String subjectKey) {
        return bySubject.computeIfAbsent(subjectKey, k -> new Faults());
    }

    /** Passes checkpoints on, and fails right after the first one that follows deleted items. */
    private Progress dropping(SubjectRef subject, ProductScope scope, Progress progress, boolean permanent) {
        long before = product.locate(subject, scope).totalItems();
        return new Progress() {
            @Override
            public void checkpoint(String cursor) {
                progress.checkpoint(cursor);
                dropOnceErasing();
            }

            @Override
            public void checkpoint(String cursor, long itemsDone) {
                progress.checkpoint(cursor, itemsDone);
                dropOnceErasing();
            }

            private void dropOnceErasing() {
                if (product.locate(subject, scope).totalItems() < before) {
                    throw permanent
                            ? new PermanentHandlerException(
                                    "CONNECTION_LOST", descriptor().id() + " lost its connection mid-erase (injected)")
                            : new IllegalStateException(
                                    descriptor().id() + " lost its connection mid-erase (injected)");
                }
            }

            @Override
            public Optional<String> resumeFrom() {
                return progress.resumeFrom();
            }
        };
    }
}
