package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.*;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;

/**
 * Rules about erasure and its verification. A product without VERIFY still proves its erasure is
 * idempotent, scoped and resumable: the kit then reads what is left with locate, or with the
 * product's normal read.
 */
public interface ErasureRules extends ConformanceHooks {

    @ConformanceCheck(VERIFY_THEN_ERASE_THEN_ZERO)
    @DisplayName("verify finds the data before erase and zero after")
    default void verifyFindsTheDataBeforeEraseAndZeroAfter() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(VERIFY_THEN_ERASE_THEN_ZERO);

        long before =
                handler.verifyErased(subject.ref(), ProductScope.EVERYTHING).residual();
        VERIFY_THEN_ERASE_THEN_ZERO.check(
                before == seededTotal(),
                "before erase, verifyErased counted " + before + " of the subject's " + seededTotal() + " items");
        ErasureReport report = handler.erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());
        for (InformationCategory category : categories()) {
            long erased = report.erased().getOrDefault(category, 0L);
            VERIFY_THEN_ERASE_THEN_ZERO.check(
                    erased == ITEM_TIMES.size(),
                    "erase reported " + erased + " " + category + " items erased of " + ITEM_TIMES.size());
        }
        long after =
                handler.verifyErased(subject.ref(), ProductScope.EVERYTHING).residual();
        VERIFY_THEN_ERASE_THEN_ZERO.check(after == 0, "after erase, verifyErased still counted " + after + " items");
        if (declares(Capability.LOCATE)) {
            long located =
                    handler.locate(subject.ref(), ProductScope.EVERYTHING).totalItems();
            VERIFY_THEN_ERASE_THEN_ZERO.check(
                    located == 0, "after erase, verifyErased reported zero but locate still found " + located);
        }
    }

    @ConformanceCheck(ERASE_IS_IDEMPOTENT)
    @DisplayName("erase is idempotent")
    default void eraseIsIdempotent() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(ERASE_IS_IDEMPOTENT);

        long first = handler.erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh())
                .total();
        long second = handler.erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh())
                .total();

        ERASE_IS_IDEMPOTENT.check(
                first == seededTotal(),
                "the first erase reported " + first + " items erased of the subject's " + seededTotal());
        ERASE_IS_IDEMPOTENT.check(
                second == 0, "the second erase of the same subject and scope reported " + second + " items erased");
        long left = held(handler, subject);
        ERASE_IS_IDEMPOTENT.check(left == 0, "after two erases, " + heldHow() + " still found " + left + " items");
    }

    @ConformanceCheck(ERASE_SPARES_OTHER_SUBJECTS)
    @DisplayName("erase leaves other subjects untouched")
    default void eraseLeavesOtherSubjectsUntouched() {
        KitSubject erased = seededSubject("the erased subject");
        KitSubject bystander = seededSubject("a bystander");
        ProductHandler handler = handlerFor(ERASE_SPARES_OTHER_SUBJECTS);
        long visibleBefore = visibleItems(bystander.identifiers());

        handler.erase(erased.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());

        long kept = held(handler, bystander);
        ERASE_SPARES_OTHER_SUBJECTS.check(
                kept == seededTotal(),
                "after erasing another subject, " + heldHow() + " found " + kept + " of the bystander's "
                        + seededTotal() + " items");
        long visible = visibleItems(bystander.identifiers());
        ERASE_SPARES_OTHER_SUBJECTS.check(
                visible == visibleBefore,
                "after erasing another subject, the bystander saw " + visible + " items instead of " + visibleBefore);
    }

    @ConformanceCheck(ERASE_HONOURS_DATE_RANGE)
    @DisplayName("erase honours the date range")
    default void eraseHonoursTheDateRange() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(ERASE_HONOURS_DATE_RANGE);
        String range = HandlerCalls.describe(ConformanceHooks.middle());

        ErasureReport report = handler.erase(subject.ref(), ConformanceHooks.middle(), RecordingProgress.fresh());

        ERASE_HONOURS_DATE_RANGE.check(
                report.total() == middleTotal(),
                "erase of " + range + " reported " + report.total() + " items erased; " + middleTotal()
                        + " were created in that range");
        long left = held(handler, subject);
        ERASE_HONOURS_DATE_RANGE.check(
                left == seededTotal() - middleTotal(),
                "after erase of " + range + ", " + heldHow() + " found " + left + " items; "
                        + (seededTotal() - middleTotal()) + " lie outside the range");
        if (declares(Capability.VERIFY)) {
            long inRange = handler.verifyErased(subject.ref(), ConformanceHooks.middle())
                    .residual();
            ERASE_HONOURS_DATE_RANGE.check(
                    inRange == 0, "after erase of " + range + ", verifyErased of the range counted " + inRange);
            ProductScope before = new ProductScope(null, new DateRange(null, MIDDLE.from()));
            long earlier = handler.verifyErased(subject.ref(), before).residual();
            ERASE_HONOURS_DATE_RANGE.check(
                    earlier == categories().size(),
                    "after erase of " + range + ", verifyErased before the range counted " + earlier + " items; "
                            + categories().size() + " were created before it");
        }
    }

    @ConformanceCheck(CONCURRENT_ERASES_ARE_SAFE)
    @DisplayName("two concurrent erases of one subject are safe")
    default void twoConcurrentErasesAreSafe() throws InterruptedException {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(CONCURRENT_ERASES_ARE_SAFE);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ErasureReport>> erasures = List.of(
                    pool.submit(() -> {
                        go.await();
                        return handler.erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());
                    }),
                    pool.submit(() -> {
                        go.await();
                        return handler.erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());
                    }));
            go.countDown();
            long total = 0;
            for (Future<ErasureReport> erasure : erasures) {
                try {
                    total += erasure.get(30, TimeUnit.SECONDS).total();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ConformanceFailure failure) {
                        throw failure;
                    }
                    throw CONCURRENT_ERASES_ARE_SAFE.broken(
                            "a concurrent erase failed with " + HandlerCalls.describe(e.getCause()), e.getCause());
                } catch (TimeoutException e) {
                    throw CONCURRENT_ERASES_ARE_SAFE.broken(
                            "a concurrent erase had not returned after 30 s (a deadlock?)", e);
                }
            }

            CONCURRENT_ERASES_ARE_SAFE.check(
                    total == seededTotal(),
                    "two concurrent erases reported " + total + " items erased between them; the subject had "
                            + seededTotal());
            long left = held(handler, subject);
            CONCURRENT_ERASES_ARE_SAFE.check(
                    left == 0, "after two concurrent erases, " + heldHow() + " still found " + left + " items");
        } finally {
            pool.shutdownNow();
        }
    }

    @ConformanceCheck(ERASE_RESUMES)
    @DisplayName("an interrupted erase resumes from its checkpoint")
    default void anInterruptedEraseResumes() {
        KitSubject subject = seededSubject();
        KitSubject bystander = seededSubject("a bystander");
        ProductHandler handler = handlerFor(ERASE_RESUMES);
        RecordingProgress crashing =
                RecordingProgress.crashingAtFirstCheckpointWhere(() -> held(handler(), subject) < seededTotal());

        ErasureReport uninterrupted = null;
        try {
            uninterrupted = handler.erase(subject.ref(), ProductScope.EVERYTHING, crashing);
        } catch (RecordingProgress.SimulatedCrash expected) {
            // the worker "died" right after a checkpoint that followed some erasing, as the kit intended
        }
        if (uninterrupted != null) {
            throw ERASE_RESUMES.broken(
                    "erase removed " + uninterrupted.total() + " items and returned without calling"
                            + " progress.checkpoint after any of them ("
                            + crashing.checkpoints().size()
                            + " checkpoint(s) before it started erasing), so a retry would not know what was done",
                    null);
        }
        long left = held(handler, subject);
        String cursor = crashing.last().orElseThrow();
        ErasureReport report =
                handler.erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.resumingFrom(cursor));

        ERASE_RESUMES.check(
                report.total() == seededTotal(),
                "the first attempt erased " + (seededTotal() - left) + " items before it stopped; the attempt resumed"
                        + " from '" + cursor + "' reported " + report.total() + " items erased, not the "
                        + seededTotal() + " erased across both attempts");
        long after = held(handler, subject);
        ERASE_RESUMES.check(after == 0, "after the resumed erase, " + heldHow() + " still found " + after + " items");
        long kept = held(handler, bystander);
        ERASE_RESUMES.check(
                kept == seededTotal(),
                "after the resumed erase, " + heldHow() + " found " + kept + " of a bystander's " + seededTotal()
                        + " items");
    }
}
