package dev.dsrflow.conformance;

import static dev.dsrflow.product.Capability.ERASE;
import static dev.dsrflow.product.Capability.EXPORT;
import static dev.dsrflow.product.Capability.LOCATE;
import static dev.dsrflow.product.Capability.PRESERVE;
import static dev.dsrflow.product.Capability.RELEASE;
import static dev.dsrflow.product.Capability.RESTRICT;
import static dev.dsrflow.product.IdentifierKind.EMAIL;
import static dev.dsrflow.product.IdentifierKind.USER_ID;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportSink;
import dev.dsrflow.product.IdentifierKind;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Products the kit's own tests run it on: correct ones of several shapes, and broken ones, each
 * breaking one promise of the contract the way a team's code plausibly would. Nested classes, so
 * the build's test run never picks them up on their own: {@link ConformanceKitTest} runs them.
 */
final class KitFixtures {
    private KitFixtures() {}

    /** What a product declares: the capabilities it automates and the identifier kinds it holds. */
    record Shape(Set<Capability> capabilities, Set<IdentifierKind> identifiers) {
        static final Shape EVERYTHING = new Shape(EnumSet.allOf(Capability.class), EnumSet.allOf(IdentifierKind.class));

        /** Issue 19's newsletter: four capabilities (no VERIFY, PRESERVE, RELEASE), no phone numbers. */
        static final Shape NEWSLETTER =
                new Shape(EnumSet.of(LOCATE, EXPORT, ERASE, RESTRICT), EnumSet.of(USER_ID, EMAIL));

        /** The newsletter once legal asks it to keep holds: still no VERIFY, no phone numbers. */
        static final Shape NEWSLETTER_WITH_HOLDS =
                new Shape(EnumSet.of(LOCATE, EXPORT, ERASE, RESTRICT, PRESERVE, RELEASE), EnumSet.of(USER_ID, EMAIL));
    }

    static InMemoryProduct everything() {
        return new InMemoryProduct(Shape.EVERYTHING.capabilities(), Shape.EVERYTHING.identifiers());
    }

    // ---- correct products

    /** Every capability, every identifier kind. */
    static class FullProduct extends InMemoryKit {
        FullProduct() {
            super(everything());
        }
    }

    /** A newsletter: four capabilities (no VERIFY, PRESERVE, RELEASE), user ids and e-mails, no phone numbers. */
    static class Newsletter extends InMemoryKit {
        Newsletter() {
            super(new InMemoryProduct(Shape.NEWSLETTER.capabilities(), Shape.NEWSLETTER.identifiers()));
        }
    }

    /** A product with no API: an operator does its steps. */
    static class ManualArchive extends InMemoryKit {
        ManualArchive() {
            super(new InMemoryProduct(new ProductDescriptor(
                    "paper-archive",
                    "Paper archive",
                    Set.of(InformationCategory.PROFILE),
                    Set.of(),
                    false,
                    "1",
                    Set.of(USER_ID))));
        }
    }

    /** A descriptor that declares no identifier kind: nothing can be seeded. */
    static class NoIdentifiers extends InMemoryKit {
        NoIdentifiers() {
            super(new InMemoryProduct(EnumSet.allOf(Capability.class), Set.of()));
        }
    }

    // ---- the seven bugs of issue 19, each a factory so it can be injected into more than one shape

    /** Locate throws for a subject the product does not know. */
    static class LocateOfUnknownSubjectThrows extends InMemoryKit {
        LocateOfUnknownSubjectThrows() {
            super(locateOfUnknownSubjectThrows(Shape.EVERYTHING));
        }
    }

    static InMemoryProduct locateOfUnknownSubjectThrows(Shape shape) {
        return new InMemoryProduct(shape.capabilities(), shape.identifiers()) {
            @Override
            public synchronized Inventory locate(SubjectRef subject, ProductScope scope) {
                if (memberOf(subject).isEmpty()) {
                    throw new NoSuchElementException("no member matches the subject");
                }
                return super.locate(subject, scope);
            }
        };
    }

    /** A second erase of an erased subject throws instead of reporting zero. */
    static class SecondEraseThrows extends InMemoryKit {
        SecondEraseThrows() {
            super(secondEraseThrows(Shape.EVERYTHING));
        }
    }

    static InMemoryProduct secondEraseThrows(Shape shape) {
        return new InMemoryProduct(shape.capabilities(), shape.identifiers()) {
            private final Set<String> erasedSubjects = ConcurrentHashMap.newKeySet();

            @Override
            public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
                if (progress.resumeFrom().isEmpty() && !erasedSubjects.add(subject.subjectKey() + scope)) {
                    throw new IllegalStateException("subject already erased");
                }
                return super.erase(subject, scope, progress);
            }
        };
    }

    /** A resumed erase reports what its own attempt erased, not the total across attempts. */
    static class EraseReportsOnlyTheLastAttempt extends InMemoryKit {
        EraseReportsOnlyTheLastAttempt() {
            super(eraseReportsOnlyTheLastAttempt(Shape.EVERYTHING));
        }
    }

    static InMemoryProduct eraseReportsOnlyTheLastAttempt(Shape shape) {
        return new InMemoryProduct(shape.capabilities(), shape.identifiers()) {
            @Override
            protected synchronized ErasureReport report(String run, Map<InformationCategory, Long> thisAttempt) {
                return new ErasureReport(thisAttempt);
            }
        };
    }

    /** Preserve after an erase reports nothing already erased. */
    static class PreserveHidesWhatWasErased extends InMemoryKit {
        PreserveHidesWhatWasErased() {
            super(preserveHidesWhatWasErased(Shape.EVERYTHING));
        }
    }

    static InMemoryProduct preserveHidesWhatWasErased(Shape shape) {
        return new InMemoryProduct(shape.capabilities(), shape.identifiers()) {
            @Override
            public synchronized PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
                PreservationReceipt r = super.preserve(subject, scope, holdId);
                return new PreservationReceipt(r.holdId(), r.items(), r.contentDigest(), 0);
            }
        };
    }

    /** Export never checkpoints ("it is small, it never needs to resume"). */
    static class ExportWithoutCheckpoints extends InMemoryKit {
        ExportWithoutCheckpoints() {
            super(exportWithoutCheckpoints(Shape.EVERYTHING));
        }
    }

    static InMemoryProduct exportWithoutCheckpoints(Shape shape) {
        return new InMemoryProduct(shape.capabilities(), shape.identifiers()) {
            @Override
            public synchronized ExportManifest export(
                    SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress p) {
                return super.export(subject, scope, format, sink, Progress.none());
            }
        };
    }

    /** An empty category set is read as "no category" (a filter {@code category IN ()}). */
    static class EmptyCategorySetMeansNone extends InMemoryKit {
        EmptyCategorySetMeansNone() {
            super(emptyCategorySetMeansNone(Shape.EVERYTHING));
        }
    }

    static InMemoryProduct emptyCategorySetMeansNone(Shape shape) {
        return new InMemoryProduct(shape.capabilities(), shape.identifiers()) {
            @Override
            protected boolean covers(ProductScope scope, InformationCategory category) {
                return scope.categories().contains(category);
            }
        };
    }

    /** An open date range is read as "no date" (a filter {@code created_at >= NULL}). */
    static class OpenDateRangeMeansNone extends InMemoryKit {
        OpenDateRangeMeansNone() {
            super(openDateRangeMeansNone(Shape.EVERYTHING));
        }
    }

    static InMemoryProduct openDateRangeMeansNone(Shape shape) {
        return new InMemoryProduct(shape.capabilities(), shape.identifiers()) {
            @Override
            protected boolean inRange(DateRange range, Instant at) {
                return range.from() != null && range.to() != null && range.contains(at);
            }
        };
    }

    // ---- bugs the kit caught before

    /** Erase ignores the date range. */
    static class DateBlindErase extends InMemoryKit {
        DateBlindErase() {
            super(dateBlindErase(Shape.EVERYTHING));
        }
    }

    static InMemoryProduct dateBlindErase(Shape shape) {
        return new InMemoryProduct(shape.capabilities(), shape.identifiers()) {
            @Override
            public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
                return super.erase(subject, new ProductScope(scope.categories(), null), progress);
            }
        };
    }

    /** Erase ignores the category scope. */
    static class CategoryBlindErase extends InMemoryKit {
        CategoryBlindErase() {
            super(categoryBlindErase(Shape.EVERYTHING));
        }
    }

    static InMemoryProduct categoryBlindErase(Shape shape) {
        return new InMemoryProduct(shape.capabilities(), shape.identifiers()) {
            @Override
            public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
                return super.erase(subject, new ProductScope(Set.of(), scope.dateRange()), progress);
            }
        };
    }

    /** Erase replays its first report for a subject on every later call, as a cache of "what we erased" would. */
    static class RepeatingErase extends InMemoryKit {
        RepeatingErase() {
            super(new InMemoryProduct(EnumSet.allOf(Capability.class), EnumSet.allOf(IdentifierKind.class)) {
                private final Map<String, ErasureReport> first = new ConcurrentHashMap<>();

                @Override
                public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
                    ErasureReport report = super.erase(subject, scope, progress);
                    return first.computeIfAbsent(subject.subjectKey() + scope, k -> report);
                }
            });
        }
    }

    /** The team has not written its normal read yet: a hook throws, outside any handler call. */
    static class VisibleItemsNotWrittenYet extends InMemoryKit {
        VisibleItemsNotWrittenYet() {
            super(everything());
        }

        @Override
        public long visibleItems(SubjectIdentifiers subject) {
            throw new UnsupportedOperationException("not implemented yet: visibleItems");
        }
    }

    /** Resolve answers with the account's user id alone, as a lookup by primary key would: fewer than it was given. */
    static class ResolveReturnsOnlyTheUserId extends InMemoryKit {
        ResolveReturnsOnlyTheUserId() {
            super(new InMemoryProduct(EnumSet.allOf(Capability.class), EnumSet.allOf(IdentifierKind.class)) {
                @Override
                public synchronized List<SubjectIdentifiers> resolve(SubjectRef subject) {
                    return super.resolve(subject).stream()
                            .skip(1)
                            .map(ids -> new SubjectIdentifiers(ids.userId(), null, null))
                            .toList();
                }
            });
        }
    }
}
