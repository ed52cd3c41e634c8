package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.CategoryCount;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.temporal.TaskQueues;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules about the descriptor, finding a subject and counting its items. */
public interface LocateRules extends ConformanceHooks {

    @Test
    @DisplayName("the descriptor is valid")
    default void descriptorIsValid() {
        ProductDescriptor d = handler().descriptor();
        assertThat(d.automated())
                .as(DESCRIPTOR_IS_VALID.because("the kit runs on automated products only"))
                .isTrue();
        assertThat(d.capabilities())
                .as(DESCRIPTOR_IS_VALID.because("an automated product automates every step"))
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Capability.class));
        assertThat(d.categories())
                .as(DESCRIPTOR_IS_VALID.because("a product holds at least one category"))
                .isNotEmpty();
        assertThat(d.handlerVersion())
                .as(DESCRIPTOR_IS_VALID.because("the handler version goes into certificates"))
                .isNotBlank();
        assertThat(d.displayName())
                .as(DESCRIPTOR_IS_VALID.because("operators see a display name"))
                .isNotBlank();
        assertThat(TaskQueues.product(d.id()))
                .as(DESCRIPTOR_IS_VALID.because("the task queue is named after the id"))
                .isEqualTo("dsr-product-" + d.id());
    }

    @Test
    @DisplayName("locate counts every item per category with its time span")
    default void locateCountsEveryItemPerCategory() {
        KitSubject subject = seededSubject();

        Inventory inventory = handler().locate(subject.ref(), ProductScope.EVERYTHING);

        assertThat(inventory.categories())
                .extracting(CategoryCount::category)
                .as(LOCATE_COUNTS_EVERY_ITEM.because("every declared category is listed once"))
                .containsExactlyInAnyOrderElementsOf(categories());
        for (CategoryCount count : inventory.categories()) {
            assertThat(count.items())
                    .as(LOCATE_COUNTS_EVERY_ITEM.because(count.category() + " count"))
                    .isEqualTo(ITEM_TIMES.size());
            assertThat(count.earliest())
                    .as(LOCATE_COUNTS_EVERY_ITEM.because(count.category() + " earliest item"))
                    .isEqualTo(ITEM_TIMES.get(0));
            assertThat(count.latest())
                    .as(LOCATE_COUNTS_EVERY_ITEM.because(count.category() + " latest item"))
                    .isEqualTo(ITEM_TIMES.get(ITEM_TIMES.size() - 1));
        }
    }

    @Test
    @DisplayName("a subject is found by any of its identifiers")
    default void aSubjectIsFoundByAnyIdentifier() {
        KitSubject subject = seededSubject();

        assertThat(handler()
                        .locate(subject.byEmailOnly(), ProductScope.EVERYTHING)
                        .totalItems())
                .as(FOUND_BY_ANY_IDENTIFIER.because("found by email alone"))
                .isEqualTo(seededTotal());
        assertThat(handler()
                        .locate(subject.byPhoneOnly(), ProductScope.EVERYTHING)
                        .totalItems())
                .as(FOUND_BY_ANY_IDENTIFIER.because("found by phone alone"))
                .isEqualTo(seededTotal());
    }

    @Test
    @DisplayName("an unknown subject is no data, not an error")
    default void anUnknownSubjectIsNoData() {
        seededSubject();
        KitSubject stranger = KitSubject.create();
        MemoryExportSink sink = new MemoryExportSink();

        assertThat(handler().locate(stranger.ref(), ProductScope.EVERYTHING).isEmpty())
                .as(UNKNOWN_SUBJECT_IS_NO_DATA.because("locate finds nothing"))
                .isTrue();
        assertThat(handler()
                        .export(
                                stranger.ref(),
                                ProductScope.EVERYTHING,
                                ExportFormat.JSON,
                                sink,
                                RecordingProgress.fresh())
                        .totalItems())
                .as(UNKNOWN_SUBJECT_IS_NO_DATA.because("export exports nothing"))
                .isZero();
        assertThat(handler().restrict(stranger.ref(), ProductScope.EVERYTHING))
                .as(UNKNOWN_SUBJECT_IS_NO_DATA.because("restrict hides nothing"))
                .isZero();
        assertThat(handler()
                        .erase(stranger.ref(), ProductScope.EVERYTHING, RecordingProgress.fresh())
                        .total())
                .as(UNKNOWN_SUBJECT_IS_NO_DATA.because("erase erases nothing"))
                .isZero();
        assertThat(handler()
                        .verifyErased(stranger.ref(), ProductScope.EVERYTHING)
                        .residual())
                .as(UNKNOWN_SUBJECT_IS_NO_DATA.because("verify finds nothing left"))
                .isZero();
        assertThat(handler()
                        .preserve(
                                stranger.ref(),
                                ProductScope.EVERYTHING,
                                "hold-" + stranger.ref().subjectKey())
                        .items())
                .as(UNKNOWN_SUBJECT_IS_NO_DATA.because("preserve preserves nothing"))
                .isZero();
        assertThat(handler().release(stranger.ref(), "hold-" + stranger.ref().subjectKey()))
                .as(UNKNOWN_SUBJECT_IS_NO_DATA.because("release releases nothing"))
                .isZero();
    }

    @Test
    @DisplayName("locate honours the date range")
    default void locateHonoursTheDateRange() {
        KitSubject subject = seededSubject();

        Inventory inventory = handler().locate(subject.ref(), ConformanceHooks.middle());

        assertThat(inventory.totalItems())
                .as(LOCATE_HONOURS_DATE_RANGE.because("only items in [from, to) are counted"))
                .isEqualTo(middleTotal());
        for (CategoryCount count : inventory.categories()) {
            assertThat(MIDDLE.contains(count.earliest()) && MIDDLE.contains(count.latest()))
                    .as(LOCATE_HONOURS_DATE_RANGE.because(count.category() + " time span lies inside the range"))
                    .isTrue();
        }
    }

    @Test
    @DisplayName("the category scope is honoured")
    default void theCategoryScopeIsHonoured() {
        KitSubject subject = seededSubject();
        InformationCategory first = categories().get(0);

        assertThat(handler().locate(subject.ref(), ConformanceHooks.only(first)).categories())
                .extracting(CategoryCount::category)
                .as(CATEGORY_SCOPE_IS_HONOURED.because("locate lists only the category in scope"))
                .containsExactly(first);
        assertThat(handler()
                        .export(
                                subject.ref(),
                                ConformanceHooks.only(first),
                                ExportFormat.JSON,
                                new MemoryExportSink(),
                                RecordingProgress.fresh())
                        .totalItems())
                .as(CATEGORY_SCOPE_IS_HONOURED.because("export exports only the category in scope"))
                .isEqualTo(ITEM_TIMES.size());
        ErasureReport report = handler().erase(subject.ref(), ConformanceHooks.only(first), RecordingProgress.fresh());
        assertThat(report.total())
                .as(CATEGORY_SCOPE_IS_HONOURED.because("erase erases only the category in scope"))
                .isEqualTo(ITEM_TIMES.size());
        assertThat(report.erased().get(first))
                .as(CATEGORY_SCOPE_IS_HONOURED.because("erase reports the category in scope"))
                .isEqualTo(ITEM_TIMES.size());
        assertThat(handler().locate(subject.ref(), ProductScope.EVERYTHING).totalItems())
                .as(CATEGORY_SCOPE_IS_HONOURED.because("other categories survive an erase of one"))
                .isEqualTo(seededTotal() - ITEM_TIMES.size());
        Set<InformationCategory> notHeld = EnumSet.complementOf(EnumSet.copyOf(categories()));
        if (!notHeld.isEmpty()) {
            ProductScope foreign = new ProductScope(notHeld, null);
            assertThat(handler().locate(subject.ref(), foreign).isEmpty())
                    .as(CATEGORY_SCOPE_IS_HONOURED.because("categories the product does not hold find nothing"))
                    .isTrue();
        }
    }
}
