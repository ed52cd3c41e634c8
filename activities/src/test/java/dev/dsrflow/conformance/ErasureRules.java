package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ProductScope;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules about erasure and its verification. */
public interface ErasureRules extends ConformanceHooks {

    @Test
    @DisplayName("verify finds the data before erase and zero after")
    default void verifyFindsTheDataBeforeEraseAndZeroAfter() {
        KitSubject subject = seededSubject();

        assertThat(handler()
                        .verifyErased(subject.ref(), ProductScope.EVERYTHING)
                        .residual())
                .as(VERIFY_THEN_ERASE_THEN_ZERO.because("before erase, verify counts every item"))
                .isEqualTo(seededTotal());
        ErasureReport report = handler().erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());

        for (InformationCategory category : categories()) {
            assertThat(report.erased().get(category))
                    .as(VERIFY_THEN_ERASE_THEN_ZERO.because("the report counts the " + category + " items erased"))
                    .isEqualTo(ITEM_TIMES.size());
        }
        assertThat(handler()
                        .verifyErased(subject.ref(), ProductScope.EVERYTHING)
                        .residual())
                .as(VERIFY_THEN_ERASE_THEN_ZERO.because("after erase, verify reports zero"))
                .isZero();
        assertThat(handler().locate(subject.ref(), ProductScope.EVERYTHING).isEmpty())
                .as(VERIFY_THEN_ERASE_THEN_ZERO.because("after erase, locate finds nothing"))
                .isTrue();
    }

    @Test
    @DisplayName("erase is idempotent")
    default void eraseIsIdempotent() {
        KitSubject subject = seededSubject();

        long first = handler()
                .erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh())
                .total();
        long second = handler()
                .erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh())
                .total();

        assertThat(first)
                .as(ERASE_IS_IDEMPOTENT.because("the first erase erases everything"))
                .isEqualTo(seededTotal());
        assertThat(second)
                .as(ERASE_IS_IDEMPOTENT.because("the second erase finds nothing more"))
                .isZero();
        assertThat(handler()
                        .verifyErased(subject.ref(), ProductScope.EVERYTHING)
                        .residual())
                .as(ERASE_IS_IDEMPOTENT.because("verify stays at zero"))
                .isZero();
    }

    @Test
    @DisplayName("erase leaves other subjects untouched")
    default void eraseLeavesOtherSubjectsUntouched() {
        KitSubject erased = seededSubject();
        KitSubject bystander = seededSubject();
        long visibleBefore = visibleItems(bystander.identifiers());

        handler().erase(erased.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());

        assertThat(handler().locate(bystander.ref(), ProductScope.EVERYTHING).totalItems())
                .as(ERASE_SPARES_OTHER_SUBJECTS.because("another subject keeps every item"))
                .isEqualTo(seededTotal());
        assertThat(visibleItems(bystander.identifiers()))
                .as(ERASE_SPARES_OTHER_SUBJECTS.because("another subject still sees every item"))
                .isEqualTo(visibleBefore);
    }

    @Test
    @DisplayName("erase honours the date range")
    default void eraseHonoursTheDateRange() {
        KitSubject subject = seededSubject();

        ErasureReport report = handler().erase(subject.ref(), ConformanceHooks.middle(), RecordingProgress.fresh());

        assertThat(report.total())
                .as(ERASE_HONOURS_DATE_RANGE.because("only items in [from, to) are erased"))
                .isEqualTo(middleTotal());
        assertThat(handler().locate(subject.ref(), ProductScope.EVERYTHING).totalItems())
                .as(ERASE_HONOURS_DATE_RANGE.because("items outside the range survive"))
                .isEqualTo(seededTotal() - middleTotal());
        assertThat(handler()
                        .verifyErased(subject.ref(), ConformanceHooks.middle())
                        .residual())
                .as(ERASE_HONOURS_DATE_RANGE.because("verify of the range reports zero"))
                .isZero();
        ProductScope before = new ProductScope(null, new DateRange(null, MIDDLE.from()));
        assertThat(handler().verifyErased(subject.ref(), before).residual())
                .as(ERASE_HONOURS_DATE_RANGE.because("verify before the range still finds its item"))
                .isEqualTo(categories().size());
    }

    @Test
    @DisplayName("two concurrent erases of one subject are safe")
    default void twoConcurrentErasesAreSafe() throws Exception {
        KitSubject subject = seededSubject();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ErasureReport>> erasures = List.of(
                    pool.submit(() -> {
                        go.await();
                        return handler().erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());
                    }),
                    pool.submit(() -> {
                        go.await();
                        return handler().erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());
                    }));
            go.countDown();
            long total = 0;
            for (Future<ErasureReport> erasure : erasures) {
                total += erasure.get(30, TimeUnit.SECONDS).total();
            }

            assertThat(total)
                    .as(CONCURRENT_ERASES_ARE_SAFE.because("between them, each item is counted once"))
                    .isEqualTo(seededTotal());
            assertThat(handler()
                            .verifyErased(subject.ref(), ProductScope.EVERYTHING)
                            .residual())
                    .as(CONCURRENT_ERASES_ARE_SAFE.because("verify reports zero"))
                    .isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("an interrupted erase resumes from its checkpoint")
    default void anInterruptedEraseResumes() {
        KitSubject subject = seededSubject();
        KitSubject bystander = seededSubject();
        RecordingProgress crashing = RecordingProgress.crashingAtFirstCheckpointWhere(() ->
                handler().verifyErased(subject.ref(), ProductScope.EVERYTHING).residual() < seededTotal());

        assertThatThrownBy(() -> handler().erase(subject.ref(), ProductScope.EVERYTHING, crashing))
                .as(ERASE_RESUMES.because("erase checkpoints after erasing part of the data"))
                .isInstanceOf(RecordingProgress.SimulatedCrash.class);
        long left =
                handler().verifyErased(subject.ref(), ProductScope.EVERYTHING).residual();
        RecordingProgress resumed =
                RecordingProgress.resumingFrom(crashing.last().orElseThrow());
        ErasureReport report = handler().erase(subject.ref(), ProductScope.EVERYTHING, resumed);

        assertThat(left)
                .as(ERASE_RESUMES.because("work before the checkpoint was done"))
                .isLessThan(seededTotal());
        assertThat(report.total())
                .as(ERASE_RESUMES.because("the resumed erase reports the total across attempts"))
                .isEqualTo(seededTotal());
        assertThat(handler()
                        .verifyErased(subject.ref(), ProductScope.EVERYTHING)
                        .residual())
                .as(ERASE_RESUMES.because("the resumed erase finishes the job"))
                .isZero();
        assertThat(handler().locate(bystander.ref(), ProductScope.EVERYTHING).totalItems())
                .as(ERASE_RESUMES.because("resuming touches no other subject"))
                .isEqualTo(seededTotal());
    }
}
