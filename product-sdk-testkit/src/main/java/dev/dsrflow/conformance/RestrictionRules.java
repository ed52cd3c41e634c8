package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.*;

import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import org.junit.jupiter.api.DisplayName;

/** Rules about restriction (hiding data during a deletion's grace period) and its undo. */
public interface RestrictionRules extends ConformanceHooks {

    @ConformanceCheck(RESTRICT_ROUND_TRIPS)
    @DisplayName("restrict hides items from normal reads and unrestrict shows them again")
    default void restrictRoundTrips() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(RESTRICT_ROUND_TRIPS);
        long seeded = visibleItems(subject.identifiers());
        RESTRICT_ROUND_TRIPS.check(
                seeded == seededTotal(),
                "before restrict, the product's normal read showed " + seeded + " of the " + seededTotal()
                        + " items seeded");

        long hidden = handler.restrict(subject.ref(), ProductScope.EVERYTHING);
        long visibleWhileRestricted = visibleItems(subject.identifiers());
        Long locatedWhileRestricted = declares(Capability.LOCATE)
                ? handler.locate(subject.ref(), ProductScope.EVERYTHING).totalItems()
                : null;
        long shown = handler.unrestrict(subject.ref(), ProductScope.EVERYTHING);

        RESTRICT_ROUND_TRIPS.check(
                hidden == seededTotal(), "restrict reported " + hidden + " items hidden of " + seededTotal());
        RESTRICT_ROUND_TRIPS.check(
                visibleWhileRestricted == 0,
                "while restricted, the product's normal read still showed " + visibleWhileRestricted + " items");
        RESTRICT_ROUND_TRIPS.check(
                locatedWhileRestricted == null || locatedWhileRestricted == seededTotal(),
                "while restricted, locate found " + locatedWhileRestricted + " of " + seededTotal()
                        + " items: restricted items are hidden, not gone");
        RESTRICT_ROUND_TRIPS.check(
                shown == seededTotal(), "unrestrict reported " + shown + " items shown of " + seededTotal());
        long visibleAfter = visibleItems(subject.identifiers());
        RESTRICT_ROUND_TRIPS.check(
                visibleAfter == seededTotal(),
                "after unrestrict, the product's normal read showed " + visibleAfter + " of " + seededTotal());
    }

    @ConformanceCheck(RESTRICT_HONOURS_DATE_RANGE)
    @DisplayName("restrict honours the date range")
    default void restrictHonoursTheDateRange() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(RESTRICT_HONOURS_DATE_RANGE);
        String range = HandlerCalls.describe(ConformanceHooks.middle());

        long hidden = handler.restrict(subject.ref(), ConformanceHooks.middle());
        long visible = visibleItems(subject.identifiers());
        handler.unrestrict(subject.ref(), ConformanceHooks.middle());
        long visibleAfter = visibleItems(subject.identifiers());

        RESTRICT_HONOURS_DATE_RANGE.check(
                hidden == middleTotal(),
                "restrict of " + range + " reported " + hidden + " items hidden; " + middleTotal()
                        + " were created in that range");
        RESTRICT_HONOURS_DATE_RANGE.check(
                visible == seededTotal() - middleTotal(),
                "after restrict of " + range + ", the product's normal read showed " + visible + " items; "
                        + (seededTotal() - middleTotal()) + " lie outside the range");
        RESTRICT_HONOURS_DATE_RANGE.check(
                visibleAfter == seededTotal(),
                "after unrestrict of " + range + ", the product's normal read showed " + visibleAfter + " of "
                        + seededTotal());
    }

    @ConformanceCheck(RESTRICT_IS_IDEMPOTENT)
    @DisplayName("restrict and unrestrict are idempotent")
    default void restrictAndUnrestrictAreIdempotent() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(RESTRICT_IS_IDEMPOTENT);

        handler.restrict(subject.ref(), ProductScope.EVERYTHING);
        handler.restrict(subject.ref(), ProductScope.EVERYTHING);
        long afterTwoRestricts = visibleItems(subject.identifiers());
        handler.unrestrict(subject.ref(), ProductScope.EVERYTHING);
        long afterOneUnrestrict = visibleItems(subject.identifiers());
        handler.unrestrict(subject.ref(), ProductScope.EVERYTHING);
        long afterTwoUnrestricts = visibleItems(subject.identifiers());

        RESTRICT_IS_IDEMPOTENT.check(
                afterTwoRestricts == 0, "after two restricts, the normal read showed " + afterTwoRestricts + " items");
        RESTRICT_IS_IDEMPOTENT.check(
                afterOneUnrestrict == seededTotal(),
                "after two restricts and one unrestrict, the normal read showed " + afterOneUnrestrict + " of "
                        + seededTotal());
        RESTRICT_IS_IDEMPOTENT.check(
                afterTwoUnrestricts == seededTotal(),
                "after a second unrestrict, the normal read showed " + afterTwoUnrestricts + " of " + seededTotal());
    }
}
