package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.EMPTY_CATEGORY_SET_MEANS_ALL;
import static dev.dsrflow.conformance.ConformanceRule.OPEN_DATE_RANGE_MEANS_ALL_DATES;

import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;

/**
 * Rules about the defaults of a scope: no categories means every category, no date range (or no
 * end of one) means every date. Each step the product declares is checked, on a fresh subject.
 */
public interface ScopeRules extends ConformanceHooks {

    @ConformanceCheck(EMPTY_CATEGORY_SET_MEANS_ALL)
    @DisplayName("an empty category set means every category")
    default void anEmptyCategorySetMeansEveryCategory() {
        ProductScope noCategories = new ProductScope(Set.of(), MIDDLE);
        checkEveryStep(EMPTY_CATEGORY_SET_MEANS_ALL, noCategories, middleTotal());
    }

    @ConformanceCheck(OPEN_DATE_RANGE_MEANS_ALL_DATES)
    @DisplayName("a missing date range or a missing end of one means every date on that side")
    default void aMissingDateRangeMeansEveryDate() {
        Set<dev.dsrflow.catalogue.InformationCategory> declared = Set.copyOf(categories());
        checkEveryStep(OPEN_DATE_RANGE_MEANS_ALL_DATES, new ProductScope(declared, null), seededTotal());
        checkEveryStep(
                OPEN_DATE_RANGE_MEANS_ALL_DATES,
                new ProductScope(declared, new DateRange(MIDDLE.from(), null)),
                (long) categories().size()
                        * ITEM_TIMES.stream()
                                .filter(t -> !t.isBefore(MIDDLE.from()))
                                .count());
        checkEveryStep(
                OPEN_DATE_RANGE_MEANS_ALL_DATES,
                new ProductScope(declared, new DateRange(null, MIDDLE.to())),
                (long) categories().size()
                        * ITEM_TIMES.stream()
                                .filter(t -> t.isBefore(MIDDLE.to()))
                                .count());
    }

    private void checkEveryStep(ConformanceRule rule, ProductScope scope, long expected) {
        ProductHandler handler = handlerFor(rule);
        Map<String, Long> counted = new LinkedHashMap<>();
        if (declares(Capability.LOCATE)) {
            counted.put("locate", handler.locate(seededSubject().ref(), scope).totalItems());
        }
        if (declares(Capability.EXPORT)) {
            counted.put(
                    "export",
                    handler.export(
                                    seededSubject().ref(),
                                    scope,
                                    ExportFormat.JSON,
                                    new MemoryExportSink(),
                                    RecordingProgress.fresh())
                            .totalItems());
        }
        if (declares(Capability.VERIFY)) {
            counted.put(
                    "verifyErased",
                    handler.verifyErased(seededSubject().ref(), scope).residual());
        }
        if (declares(Capability.RESTRICT)) {
            KitSubject subject = seededSubject();
            counted.put("restrict", handler.restrict(subject.ref(), scope));
            handler.unrestrict(subject.ref(), scope);
        }
        if (declares(Capability.ERASE)) {
            counted.put(
                    "erase",
                    handler.erase(seededSubject().ref(), scope, RecordingProgress.fresh())
                            .total());
        }
        if (declares(Capability.PRESERVE)) {
            KitSubject subject = seededSubject();
            String hold = "hold-scope-" + subject.ref().subjectKey();
            counted.put("preserve", handler.preserve(subject.ref(), scope, hold).items());
            if (declares(Capability.RELEASE)) {
                handler.release(subject.ref(), hold);
            }
        }
        counted.forEach((step, n) -> rule.check(
                n == expected,
                step + " of " + HandlerCalls.describe(scope) + " counted " + n + " items; the subject has " + expected
                        + " items in that scope"));
    }
}
