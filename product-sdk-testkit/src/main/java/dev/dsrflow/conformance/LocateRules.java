package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.*;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.CategoryCount;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.IdentifierKind;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;

/** Rules about the descriptor, finding a subject and counting its items. */
public interface LocateRules extends ConformanceHooks {

    @ConformanceCheck(DESCRIPTOR_IS_VALID)
    @DisplayName("the descriptor is valid")
    default void descriptorIsValid() {
        ProductDescriptor d = handlerFor(DESCRIPTOR_IS_VALID).descriptor();
        DESCRIPTOR_IS_VALID.check(
                d.displayName() != null && !d.displayName().isBlank(),
                "the display name was blank; operators see it in the product list");
        DESCRIPTOR_IS_VALID.check(
                d.handlerVersion() != null && !d.handlerVersion().isBlank(),
                "the handler version was blank; it goes into deletion certificates");
        DESCRIPTOR_IS_VALID.check(!d.categories().isEmpty(), "the descriptor declared no category");
        DESCRIPTOR_IS_VALID.check(!d.identifiers().isEmpty(), "the descriptor declared no identifier kind");
        DESCRIPTOR_IS_VALID.check(
                !d.automated() || !d.capabilities().isEmpty(),
                "the product is automated but declared no capability, so dsrflow would never call it");
    }

    @ConformanceCheck(LOCATE_COUNTS_EVERY_ITEM)
    @DisplayName("locate counts every item per category with its time span")
    default void locateCountsEveryItemPerCategory() {
        KitSubject subject = seededSubject();

        Inventory inventory = handlerFor(LOCATE_COUNTS_EVERY_ITEM).locate(subject.ref(), ProductScope.EVERYTHING);

        List<InformationCategory> listed =
                inventory.categories().stream().map(CategoryCount::category).toList();
        LOCATE_COUNTS_EVERY_ITEM.check(
                listed.size() == categories().size() && Set.copyOf(listed).equals(Set.copyOf(categories())),
                "locate listed the categories " + listed + " for a subject with items in " + categories());
        for (CategoryCount count : inventory.categories()) {
            LOCATE_COUNTS_EVERY_ITEM.check(
                    count.items() == ITEM_TIMES.size(),
                    "locate counted " + count.items() + " " + count.category() + " items of " + ITEM_TIMES.size());
            LOCATE_COUNTS_EVERY_ITEM.check(
                    ITEM_TIMES.get(0).equals(count.earliest()),
                    "locate gave " + count.earliest() + " as the earliest " + count.category() + " item, created at "
                            + ITEM_TIMES.get(0));
            LOCATE_COUNTS_EVERY_ITEM.check(
                    ITEM_TIMES.get(ITEM_TIMES.size() - 1).equals(count.latest()),
                    "locate gave " + count.latest() + " as the latest " + count.category() + " item, created at "
                            + ITEM_TIMES.get(ITEM_TIMES.size() - 1));
        }
    }

    @ConformanceCheck(FOUND_BY_ANY_IDENTIFIER)
    @DisplayName("a subject is found by any identifier kind the product holds")
    default void aSubjectIsFoundByAnyIdentifier() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(FOUND_BY_ANY_IDENTIFIER);

        for (IdentifierKind kind : EnumSet.copyOf(declared().identifiers())) {
            long found = handler.locate(subject.byOnly(kind), ProductScope.EVERYTHING)
                    .totalItems();
            FOUND_BY_ANY_IDENTIFIER.check(
                    found == seededTotal(),
                    "locate by " + kind + " alone found " + found + " of the subject's " + seededTotal() + " items");
        }
    }

    @ConformanceCheck(UNKNOWN_SUBJECT_IS_NO_DATA)
    @DisplayName("an unknown subject is no data, not an error")
    default void anUnknownSubjectIsNoData() {
        seededSubject();
        KitSubject stranger = KitSubject.create(declared().identifiers(), "a subject the product never saw");
        ProductHandler handler = handlerFor(UNKNOWN_SUBJECT_IS_NO_DATA);
        ProductScope all = ProductScope.EVERYTHING;
        String hold = "hold-" + stranger.ref().subjectKey();

        if (declares(Capability.LOCATE)) {
            long n = handler.locate(stranger.ref(), all).totalItems();
            UNKNOWN_SUBJECT_IS_NO_DATA.check(n == 0, "locate found " + n + " items of " + stranger.role());
        }
        if (declares(Capability.EXPORT)) {
            long n = handler.export(
                            stranger.ref(), all, ExportFormat.JSON, new MemoryExportSink(), RecordingProgress.fresh())
                    .totalItems();
            UNKNOWN_SUBJECT_IS_NO_DATA.check(n == 0, "export wrote " + n + " items of " + stranger.role());
        }
        if (declares(Capability.RESTRICT)) {
            long n = handler.restrict(stranger.ref(), all);
            UNKNOWN_SUBJECT_IS_NO_DATA.check(n == 0, "restrict hid " + n + " items of " + stranger.role());
            long m = handler.unrestrict(stranger.ref(), all);
            UNKNOWN_SUBJECT_IS_NO_DATA.check(m == 0, "unrestrict showed " + m + " items of " + stranger.role());
        }
        if (declares(Capability.ERASE)) {
            long n = handler.erase(stranger.ref(), all, RecordingProgress.fresh())
                    .total();
            UNKNOWN_SUBJECT_IS_NO_DATA.check(n == 0, "erase reported " + n + " items erased of " + stranger.role());
        }
        if (declares(Capability.VERIFY)) {
            long n = handler.verifyErased(stranger.ref(), all).residual();
            UNKNOWN_SUBJECT_IS_NO_DATA.check(n == 0, "verifyErased found " + n + " items left of " + stranger.role());
        }
        if (declares(Capability.PRESERVE)) {
            long n = handler.preserve(stranger.ref(), all, hold).items();
            UNKNOWN_SUBJECT_IS_NO_DATA.check(n == 0, "preserve preserved " + n + " items of " + stranger.role());
        }
        if (declares(Capability.RELEASE)) {
            long n = handler.release(stranger.ref(), hold);
            UNKNOWN_SUBJECT_IS_NO_DATA.check(n == 0, "release released " + n + " items of " + stranger.role());
        }
    }

    @ConformanceCheck(LOCATE_HONOURS_DATE_RANGE)
    @DisplayName("locate honours the date range")
    default void locateHonoursTheDateRange() {
        KitSubject subject = seededSubject();

        Inventory inventory = handlerFor(LOCATE_HONOURS_DATE_RANGE).locate(subject.ref(), ConformanceHooks.middle());

        LOCATE_HONOURS_DATE_RANGE.check(
                inventory.totalItems() == middleTotal(),
                "locate of " + HandlerCalls.describe(ConformanceHooks.middle()) + " counted " + inventory.totalItems()
                        + " items; " + middleTotal() + " were created in that range");
        for (CategoryCount count : inventory.categories()) {
            LOCATE_HONOURS_DATE_RANGE.check(
                    MIDDLE.contains(count.earliest()) && MIDDLE.contains(count.latest()),
                    "locate of " + HandlerCalls.describe(ConformanceHooks.middle()) + " gave the " + count.category()
                            + " time span [" + count.earliest() + ", " + count.latest() + "], outside the range");
        }
    }

    @ConformanceCheck(CATEGORY_SCOPE_IS_HONOURED)
    @DisplayName("the category scope is honoured")
    default void theCategoryScopeIsHonoured() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(CATEGORY_SCOPE_IS_HONOURED);
        InformationCategory first = categories().get(0);
        ProductScope one = ConformanceHooks.only(first);

        if (declares(Capability.LOCATE)) {
            List<InformationCategory> listed = handler.locate(subject.ref(), one).categories().stream()
                    .map(CategoryCount::category)
                    .toList();
            CATEGORY_SCOPE_IS_HONOURED.check(
                    listed.equals(List.of(first)), "locate of " + first + " only listed " + listed);
            Set<InformationCategory> notHeld = EnumSet.complementOf(EnumSet.copyOf(categories()));
            if (!notHeld.isEmpty()) {
                long found = handler.locate(subject.ref(), new ProductScope(notHeld, null))
                        .totalItems();
                CATEGORY_SCOPE_IS_HONOURED.check(
                        found == 0,
                        "locate of categories the product does not declare (" + notHeld + ") found " + found
                                + " items");
            }
        }
        if (declares(Capability.EXPORT)) {
            long exported = handler.export(
                            subject.ref(), one, ExportFormat.JSON, new MemoryExportSink(), RecordingProgress.fresh())
                    .totalItems();
            CATEGORY_SCOPE_IS_HONOURED.check(
                    exported == ITEM_TIMES.size(),
                    "export of " + first + " only wrote " + exported + " items; the subject has " + ITEM_TIMES.size()
                            + " in " + first + " and " + seededTotal() + " in all");
        }
        if (declares(Capability.ERASE)) {
            ErasureReport report = handler.erase(subject.ref(), one, RecordingProgress.fresh());
            CATEGORY_SCOPE_IS_HONOURED.check(
                    report.total() == ITEM_TIMES.size() && report.erased().getOrDefault(first, 0L) == ITEM_TIMES.size(),
                    "erase of " + first + " only reported " + report.erased() + "; the subject has " + ITEM_TIMES.size()
                            + " items in " + first);
            long left = held(handler, subject);
            CATEGORY_SCOPE_IS_HONOURED.check(
                    left == seededTotal() - ITEM_TIMES.size(),
                    "after erase of " + first + " only, " + heldHow() + " found " + left + " of the subject's items;"
                            + " the other categories hold " + (seededTotal() - ITEM_TIMES.size()));
        }
    }
}
