package dev.dsrflow.conformance;

import dev.dsrflow.conformance.KitFixtures.Shape;

/**
 * Issue 19's seven bugs injected into the newsletter's own shape, as its team did: four capabilities
 * (no VERIFY), user ids and e-mails, no phone numbers; the preserve bug in the newsletter once it keeps
 * holds, still without VERIFY. The kit reads what erase left with locate, and catches each. Nested
 * classes, as in {@link KitFixtures}: {@link ConformanceKitTest} runs them.
 */
final class NewsletterBugs {
    private NewsletterBugs() {}

    static class LocateOfUnknownSubjectThrows extends InMemoryKit {
        LocateOfUnknownSubjectThrows() {
            super(KitFixtures.locateOfUnknownSubjectThrows(Shape.NEWSLETTER));
        }
    }

    static class SecondEraseThrows extends InMemoryKit {
        SecondEraseThrows() {
            super(KitFixtures.secondEraseThrows(Shape.NEWSLETTER));
        }
    }

    static class EraseReportsOnlyTheLastAttempt extends InMemoryKit {
        EraseReportsOnlyTheLastAttempt() {
            super(KitFixtures.eraseReportsOnlyTheLastAttempt(Shape.NEWSLETTER));
        }
    }

    static class PreserveHidesWhatWasErased extends InMemoryKit {
        PreserveHidesWhatWasErased() {
            super(KitFixtures.preserveHidesWhatWasErased(Shape.NEWSLETTER_WITH_HOLDS));
        }
    }

    static class ExportWithoutCheckpoints extends InMemoryKit {
        ExportWithoutCheckpoints() {
            super(KitFixtures.exportWithoutCheckpoints(Shape.NEWSLETTER));
        }
    }

    static class EmptyCategorySetMeansNone extends InMemoryKit {
        EmptyCategorySetMeansNone() {
            super(KitFixtures.emptyCategorySetMeansNone(Shape.NEWSLETTER));
        }
    }

    static class OpenDateRangeMeansNone extends InMemoryKit {
        OpenDateRangeMeansNone() {
            super(KitFixtures.openDateRangeMeansNone(Shape.NEWSLETTER));
        }
    }

    // two the kit caught before: without VERIFY, erasure still proves it is scoped

    static class DateBlindErase extends InMemoryKit {
        DateBlindErase() {
            super(KitFixtures.dateBlindErase(Shape.NEWSLETTER));
        }
    }

    static class CategoryBlindErase extends InMemoryKit {
        CategoryBlindErase() {
            super(KitFixtures.categoryBlindErase(Shape.NEWSLETTER));
        }
    }
}
