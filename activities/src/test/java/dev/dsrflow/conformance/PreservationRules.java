package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules about legal preservation: copies out of erase's reach, and their release. */
public interface PreservationRules extends ConformanceHooks {

    private static String holdOf(KitSubject subject, String name) {
        return "hold-" + name + "-" + subject.ref().subjectKey();
    }

    @Test
    @DisplayName("a preserved copy survives erase and goes away on release")
    default void aPreservedCopySurvivesEraseAndGoesAwayOnRelease() {
        KitSubject subject = seededSubject();
        String hold = holdOf(subject, "a");

        PreservationReceipt receipt = handler().preserve(subject.ref(), ProductScope.EVERYTHING, hold);
        handler().erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());

        assertThat(receipt.items())
                .as(PRESERVED_COPY_SURVIVES_ERASE.because("every item is preserved"))
                .isEqualTo(seededTotal());
        assertThat(receipt.holdId())
                .as(PRESERVED_COPY_SURVIVES_ERASE.because("the receipt names its hold"))
                .isEqualTo(hold);
        assertThat(receipt.contentDigest())
                .as(PRESERVED_COPY_SURVIVES_ERASE.because("the receipt carries a digest"))
                .isNotBlank();
        assertThat(handler().release(subject.ref(), hold))
                .as(PRESERVED_COPY_SURVIVES_ERASE.because("the copy was still there after erase"))
                .isEqualTo(seededTotal());
        assertThat(handler().release(subject.ref(), hold))
                .as(PRESERVED_COPY_SURVIVES_ERASE.because("release removed the copy"))
                .isZero();
    }

    @Test
    @DisplayName("preserving twice under one hold is idempotent")
    default void preservingTwiceUnderOneHoldIsIdempotent() {
        KitSubject subject = seededSubject();
        String hold = holdOf(subject, "a");

        PreservationReceipt first = handler().preserve(subject.ref(), ProductScope.EVERYTHING, hold);
        PreservationReceipt second = handler().preserve(subject.ref(), ProductScope.EVERYTHING, hold);

        assertThat(second.items())
                .as(PRESERVE_IS_IDEMPOTENT.because("the second call preserves nothing twice"))
                .isEqualTo(first.items())
                .isEqualTo(seededTotal());
        assertThat(second.contentDigest())
                .as(PRESERVE_IS_IDEMPOTENT.because("the digest is stable"))
                .isEqualTo(first.contentDigest());
        assertThat(handler().release(subject.ref(), hold))
                .as(PRESERVE_IS_IDEMPOTENT.because("one copy exists"))
                .isEqualTo(seededTotal());
    }

    @Test
    @DisplayName("preserve honours the date range")
    default void preserveHonoursTheDateRange() {
        KitSubject subject = seededSubject();

        PreservationReceipt receipt =
                handler().preserve(subject.ref(), ConformanceHooks.middle(), holdOf(subject, "a"));

        assertThat(receipt.items())
                .as(PRESERVE_HONOURS_DATE_RANGE.because("only items in [from, to) are preserved"))
                .isEqualTo(middleTotal());
    }

    @Test
    @DisplayName("releasing an unknown hold is harmless")
    default void releasingAnUnknownHoldIsHarmless() {
        KitSubject subject = seededSubject();
        String hold = holdOf(subject, "a");
        handler().preserve(subject.ref(), ProductScope.EVERYTHING, hold);

        assertThat(handler().release(subject.ref(), holdOf(subject, "never-placed")))
                .as(RELEASE_OF_UNKNOWN_HOLD_IS_HARMLESS.because("nothing is released"))
                .isZero();
        assertThat(handler().locate(subject.ref(), ProductScope.EVERYTHING).totalItems())
                .as(RELEASE_OF_UNKNOWN_HOLD_IS_HARMLESS.because("live data is untouched"))
                .isEqualTo(seededTotal());
        assertThat(handler().release(subject.ref(), hold))
                .as(RELEASE_OF_UNKNOWN_HOLD_IS_HARMLESS.because("real holds are untouched"))
                .isEqualTo(seededTotal());
    }

    @Test
    @DisplayName("release drops only its own hold's copy")
    default void releaseDropsOnlyItsOwnHold() {
        KitSubject subject = seededSubject();
        KitSubject other = seededSubject();
        handler().preserve(subject.ref(), ProductScope.EVERYTHING, holdOf(subject, "a"));
        handler().preserve(subject.ref(), ProductScope.EVERYTHING, holdOf(subject, "b"));
        handler().preserve(other.ref(), ProductScope.EVERYTHING, holdOf(other, "a"));

        assertThat(handler().release(subject.ref(), holdOf(subject, "a")))
                .as(RELEASE_DROPS_ONLY_ITS_HOLD.because("the released hold's copy goes"))
                .isEqualTo(seededTotal());
        assertThat(handler().release(subject.ref(), holdOf(subject, "b")))
                .as(RELEASE_DROPS_ONLY_ITS_HOLD.because("a second hold on the subject keeps its copy"))
                .isEqualTo(seededTotal());
        assertThat(handler().release(other.ref(), holdOf(other, "a")))
                .as(RELEASE_DROPS_ONLY_ITS_HOLD.because("another subject's hold keeps its copy"))
                .isEqualTo(seededTotal());
    }

    @Test
    @DisplayName("preserve reports what was already erased")
    default void preserveReportsWhatWasAlreadyErased() {
        KitSubject subject = seededSubject();
        handler().erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());

        PreservationReceipt receipt =
                handler().preserve(subject.ref(), ProductScope.EVERYTHING, holdOf(subject, "late"));

        assertThat(receipt.items())
                .as(PRESERVE_REPORTS_ALREADY_ERASED.because("nothing is left to preserve"))
                .isZero();
        assertThat(receipt.alreadyErased())
                .as(PRESERVE_REPORTS_ALREADY_ERASED.because("the erased items are reported, not hidden"))
                .isEqualTo(seededTotal());
    }
}
