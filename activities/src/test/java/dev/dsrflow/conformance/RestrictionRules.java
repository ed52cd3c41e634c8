package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.product.ProductScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules about restriction (hiding data during a deletion's grace period) and its undo. */
public interface RestrictionRules extends ConformanceHooks {

    @Test
    @DisplayName("restrict hides items from normal reads and unrestrict shows them again")
    default void restrictRoundTrips() {
        KitSubject subject = seededSubject();
        assertThat(visibleItems(subject.identifiers()))
                .as(RESTRICT_ROUND_TRIPS.because("seeded items are visible"))
                .isEqualTo(seededTotal());

        long hidden = handler().restrict(subject.ref(), ProductScope.EVERYTHING);
        long visibleWhileRestricted = visibleItems(subject.identifiers());
        long locatedWhileRestricted =
                handler().locate(subject.ref(), ProductScope.EVERYTHING).totalItems();
        long shown = handler().unrestrict(subject.ref(), ProductScope.EVERYTHING);

        assertThat(hidden)
                .as(RESTRICT_ROUND_TRIPS.because("restrict reports the items hidden"))
                .isEqualTo(seededTotal());
        assertThat(visibleWhileRestricted)
                .as(RESTRICT_ROUND_TRIPS.because("restricted items are hidden"))
                .isZero();
        assertThat(locatedWhileRestricted)
                .as(RESTRICT_ROUND_TRIPS.because("restricted items are still held and found"))
                .isEqualTo(seededTotal());
        assertThat(shown)
                .as(RESTRICT_ROUND_TRIPS.because("unrestrict reports the items shown"))
                .isEqualTo(seededTotal());
        assertThat(visibleItems(subject.identifiers()))
                .as(RESTRICT_ROUND_TRIPS.because("unrestricted items are visible again"))
                .isEqualTo(seededTotal());
    }

    @Test
    @DisplayName("restrict honours the date range")
    default void restrictHonoursTheDateRange() {
        KitSubject subject = seededSubject();

        long hidden = handler().restrict(subject.ref(), ConformanceHooks.middle());

        assertThat(hidden)
                .as(RESTRICT_HONOURS_DATE_RANGE.because("only items in [from, to) are hidden"))
                .isEqualTo(middleTotal());
        assertThat(visibleItems(subject.identifiers()))
                .as(RESTRICT_HONOURS_DATE_RANGE.because("items outside the range stay visible"))
                .isEqualTo(seededTotal() - middleTotal());
        handler().unrestrict(subject.ref(), ConformanceHooks.middle());
        assertThat(visibleItems(subject.identifiers()))
                .as(RESTRICT_HONOURS_DATE_RANGE.because("unrestrict of the range shows them again"))
                .isEqualTo(seededTotal());
    }

    @Test
    @DisplayName("restrict and unrestrict are idempotent")
    default void restrictAndUnrestrictAreIdempotent() {
        KitSubject subject = seededSubject();

        handler().restrict(subject.ref(), ProductScope.EVERYTHING);
        handler().restrict(subject.ref(), ProductScope.EVERYTHING);
        assertThat(visibleItems(subject.identifiers()))
                .as(RESTRICT_IS_IDEMPOTENT.because("restricting twice hides everything once"))
                .isZero();
        handler().unrestrict(subject.ref(), ProductScope.EVERYTHING);
        assertThat(visibleItems(subject.identifiers()))
                .as(RESTRICT_IS_IDEMPOTENT.because("one unrestrict undoes two restricts"))
                .isEqualTo(seededTotal());
        handler().unrestrict(subject.ref(), ProductScope.EVERYTHING);
        assertThat(visibleItems(subject.identifiers()))
                .as(RESTRICT_IS_IDEMPOTENT.because("a second unrestrict changes nothing"))
                .isEqualTo(seededTotal());
    }
}
