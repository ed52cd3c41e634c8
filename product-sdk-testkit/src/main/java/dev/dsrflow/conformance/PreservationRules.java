package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.*;

import dev.dsrflow.product.Capability;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import org.junit.jupiter.api.DisplayName;

/** Rules about legal preservation: copies out of erase's reach, and their release. */
public interface PreservationRules extends ConformanceHooks {

    private static String holdOf(KitSubject subject, String name) {
        return "hold-" + name + "-" + subject.ref().subjectKey();
    }

    @ConformanceCheck(PRESERVED_COPY_SURVIVES_ERASE)
    @DisplayName("a preserved copy survives erase and goes away on release")
    default void aPreservedCopySurvivesEraseAndGoesAwayOnRelease() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(PRESERVED_COPY_SURVIVES_ERASE);
        String hold = holdOf(subject, "a");

        PreservationReceipt receipt = handler.preserve(subject.ref(), ProductScope.EVERYTHING, hold);
        handler.erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());
        long released = handler.release(subject.ref(), hold);
        long releasedAgain = handler.release(subject.ref(), hold);

        PRESERVED_COPY_SURVIVES_ERASE.check(
                receipt.items() == seededTotal(),
                "preserve reported " + receipt.items() + " items preserved of " + seededTotal());
        PRESERVED_COPY_SURVIVES_ERASE.check(
                hold.equals(receipt.holdId()), "the receipt named hold '" + receipt.holdId() + "', not '" + hold + "'");
        PRESERVED_COPY_SURVIVES_ERASE.check(
                receipt.contentDigest() != null && !receipt.contentDigest().isBlank(),
                "the receipt carried no content digest");
        PRESERVED_COPY_SURVIVES_ERASE.check(
                released == seededTotal(),
                "after erase, releasing the hold released " + released + " of the " + seededTotal()
                        + " items preserved: erase reached the preserved copy");
        PRESERVED_COPY_SURVIVES_ERASE.check(
                releasedAgain == 0, "a second release of the same hold released " + releasedAgain + " items");
    }

    @ConformanceCheck(PRESERVE_IS_IDEMPOTENT)
    @DisplayName("preserving twice under one hold is idempotent")
    default void preservingTwiceUnderOneHoldIsIdempotent() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(PRESERVE_IS_IDEMPOTENT);
        String hold = holdOf(subject, "a");

        PreservationReceipt first = handler.preserve(subject.ref(), ProductScope.EVERYTHING, hold);
        PreservationReceipt second = handler.preserve(subject.ref(), ProductScope.EVERYTHING, hold);

        PRESERVE_IS_IDEMPOTENT.check(
                first.items() == seededTotal() && second.items() == first.items(),
                "two preserves under one hold reported " + first.items() + " then " + second.items()
                        + " items; the subject has " + seededTotal());
        PRESERVE_IS_IDEMPOTENT.check(
                second.contentDigest() != null && second.contentDigest().equals(first.contentDigest()),
                "the second preserve's digest differed from the first's");
        if (declares(Capability.RELEASE)) {
            long released = handler.release(subject.ref(), hold);
            PRESERVE_IS_IDEMPOTENT.check(
                    released == seededTotal(),
                    "after two preserves, release released " + released + " items: the hold keeps "
                            + (released > seededTotal() ? "two copies" : "less than one copy"));
        }
    }

    @ConformanceCheck(PRESERVE_HONOURS_DATE_RANGE)
    @DisplayName("preserve honours the date range")
    default void preserveHonoursTheDateRange() {
        KitSubject subject = seededSubject();

        PreservationReceipt receipt = handlerFor(PRESERVE_HONOURS_DATE_RANGE)
                .preserve(subject.ref(), ConformanceHooks.middle(), holdOf(subject, "a"));

        PRESERVE_HONOURS_DATE_RANGE.check(
                receipt.items() == middleTotal(),
                "preserve of " + HandlerCalls.describe(ConformanceHooks.middle()) + " reported " + receipt.items()
                        + " items; " + middleTotal() + " were created in that range");
    }

    @ConformanceCheck(RELEASE_OF_UNKNOWN_HOLD_IS_HARMLESS)
    @DisplayName("releasing an unknown hold is harmless")
    default void releasingAnUnknownHoldIsHarmless() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(RELEASE_OF_UNKNOWN_HOLD_IS_HARMLESS);
        String hold = holdOf(subject, "a");
        handler.preserve(subject.ref(), ProductScope.EVERYTHING, hold);

        long released = handler.release(subject.ref(), holdOf(subject, "never-placed"));
        long live = held(handler, subject);
        long real = handler.release(subject.ref(), hold);

        RELEASE_OF_UNKNOWN_HOLD_IS_HARMLESS.check(
                released == 0, "releasing a hold never placed released " + released + " items");
        RELEASE_OF_UNKNOWN_HOLD_IS_HARMLESS.check(
                live == seededTotal(),
                "after releasing a hold never placed, " + heldHow() + " found " + live + " of " + seededTotal()
                        + " live items");
        RELEASE_OF_UNKNOWN_HOLD_IS_HARMLESS.check(
                real == seededTotal(),
                "after releasing a hold never placed, the real hold released " + real + " of " + seededTotal());
    }

    @ConformanceCheck(RELEASE_DROPS_ONLY_ITS_HOLD)
    @DisplayName("release drops only its own hold's copy")
    default void releaseDropsOnlyItsOwnHold() {
        KitSubject subject = seededSubject();
        KitSubject other = seededSubject("another subject");
        ProductHandler handler = handlerFor(RELEASE_DROPS_ONLY_ITS_HOLD);
        handler.preserve(subject.ref(), ProductScope.EVERYTHING, holdOf(subject, "a"));
        handler.preserve(subject.ref(), ProductScope.EVERYTHING, holdOf(subject, "b"));
        handler.preserve(other.ref(), ProductScope.EVERYTHING, holdOf(other, "a"));

        long a = handler.release(subject.ref(), holdOf(subject, "a"));
        long b = handler.release(subject.ref(), holdOf(subject, "b"));
        long others = handler.release(other.ref(), holdOf(other, "a"));

        RELEASE_DROPS_ONLY_ITS_HOLD.check(
                a == seededTotal(), "release of hold a released " + a + " of its " + seededTotal() + " items");
        RELEASE_DROPS_ONLY_ITS_HOLD.check(
                b == seededTotal(),
                "after hold a was released, hold b of the same subject released " + b + " of " + seededTotal());
        RELEASE_DROPS_ONLY_ITS_HOLD.check(
                others == seededTotal(),
                "after the subject's holds were released, another subject's hold released " + others + " of "
                        + seededTotal());
    }

    @ConformanceCheck(PRESERVE_REPORTS_ALREADY_ERASED)
    @DisplayName("preserve reports what was already erased")
    default void preserveReportsWhatWasAlreadyErased() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(PRESERVE_REPORTS_ALREADY_ERASED);
        handler.erase(subject.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh());

        PreservationReceipt receipt = handler.preserve(subject.ref(), ProductScope.EVERYTHING, holdOf(subject, "late"));

        PRESERVE_REPORTS_ALREADY_ERASED.check(
                receipt.items() == 0,
                "after erase, preserve reported " + receipt.items() + " items preserved; none were left");
        PRESERVE_REPORTS_ALREADY_ERASED.check(
                receipt.alreadyErased() == seededTotal(),
                "after erase of " + seededTotal() + " items, preserve reported " + receipt.alreadyErased()
                        + " already erased");
    }
}
