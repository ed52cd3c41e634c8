package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The kit adapts to what a product declares, and it is not a rubber stamp: a handler that breaks a
 * rule fails with a message naming that rule, what the handler did, what the contract expects and
 * where the documentation explains it.
 */
class ConformanceKitTest {

    @Test
    void aProductThatDeclaresEverythingPassesEveryRule() {
        Events tests = run(KitFixtures.FullProduct.class);

        assertThat(failures(tests)).isEmpty();
        assertThat(tests.skipped().count()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(ConformanceRule.values().length);
    }

    @Test
    void aNewsletterWithFourCapabilitiesAndNoPhoneNumbersRunsWhatAppliesAndSaysWhatItSkipped() {
        Events tests = run(KitFixtures.Newsletter.class);

        assertThat(failures(tests)).isEmpty();
        Map<String, String> skipped = tests.skipped().stream()
                .collect(Collectors.toMap(
                        e -> e.getTestDescriptor().getDisplayName(),
                        e -> e.getPayload(String.class).orElse(""),
                        (a, b) -> a,
                        LinkedHashMap::new));
        Set<ConformanceRule> needVerifyOrHolds = EnumSet.of(
                VERIFY_THEN_ERASE_THEN_ZERO,
                PRESERVED_COPY_SURVIVES_ERASE,
                PRESERVE_IS_IDEMPOTENT,
                PRESERVE_HONOURS_DATE_RANGE,
                RELEASE_OF_UNKNOWN_HOLD_IS_HARMLESS,
                RELEASE_DROPS_ONLY_ITS_HOLD,
                PRESERVE_REPORTS_ALREADY_ERASED,
                RESOLVE_RETURNS_WHAT_IT_WAS_GIVEN,
                RESOLVE_FINDS_EVERY_IDENTIFIER);
        assertThat(skipped.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        needVerifyOrHolds.stream().map(ConformanceRule::title).toList());
        assertThat(skipped.get(VERIFY_THEN_ERASE_THEN_ZERO.title()))
                .isEqualTo("rule VERIFY_THEN_ERASE_THEN_ZERO skipped: it needs [ERASE, VERIFY] and the product does"
                        + " not declare [VERIFY] (it declares [LOCATE, EXPORT, RESTRICT, ERASE])");
        // without VERIFY, erasure still proves itself idempotent, scoped and resumable (read back with locate)
        assertThat(tests.succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains(
                        ERASE_IS_IDEMPOTENT.title(),
                        ERASE_HONOURS_DATE_RANGE.title(),
                        ERASE_SPARES_OTHER_SUBJECTS.title(),
                        ERASE_RESUMES.title(),
                        CONCURRENT_ERASES_ARE_SAFE.title(),
                        CATEGORY_SCOPE_IS_HONOURED.title(),
                        FOUND_BY_ANY_IDENTIFIER.title());
    }

    @Test
    void aManualProductOnlyHasItsDescriptorChecked() {
        Events tests = run(KitFixtures.ManualArchive.class);

        assertThat(failures(tests)).isEmpty();
        assertThat(tests.succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly(DESCRIPTOR_IS_VALID.title());
        assertThat(tests.skipped().stream().map(e -> e.getPayload(String.class).orElse("")))
                .hasSize(ConformanceRule.values().length - 1)
                .allMatch(reason -> reason.contains("declared manual"));
    }

    @Test
    void aDescriptorWithoutIdentifierKindsFailsItsRuleAndTheOthersSayWhyTheyDidNotRun() {
        Events tests = run(KitFixtures.NoIdentifiers.class);

        assertThat(failures(tests)).containsOnlyKeys(DESCRIPTOR_IS_VALID);
        assertThat(failures(tests).get(DESCRIPTOR_IS_VALID))
                .hasMessageContaining("observed: the descriptor declared no identifier kind");
        assertThat(tests.skipped().stream().map(e -> e.getPayload(String.class).orElse("")))
                .hasSize(ConformanceRule.values().length - 1)
                .allMatch(reason -> reason.contains("declares no category or no identifier kind"));
    }

    static Stream<Arguments> brokenHandlers() {
        return Stream.of(
                // issue 19's seven bugs
                Arguments.of(KitFixtures.LocateOfUnknownSubjectThrows.class, UNKNOWN_SUBJECT_IS_NO_DATA),
                Arguments.of(KitFixtures.SecondEraseThrows.class, ERASE_IS_IDEMPOTENT),
                Arguments.of(KitFixtures.EraseReportsOnlyTheLastAttempt.class, ERASE_RESUMES),
                Arguments.of(KitFixtures.PreserveHidesWhatWasErased.class, PRESERVE_REPORTS_ALREADY_ERASED),
                Arguments.of(KitFixtures.ExportWithoutCheckpoints.class, EXPORT_RESUMES),
                Arguments.of(KitFixtures.EmptyCategorySetMeansNone.class, EMPTY_CATEGORY_SET_MEANS_ALL),
                Arguments.of(KitFixtures.OpenDateRangeMeansNone.class, OPEN_DATE_RANGE_MEANS_ALL_DATES),
                // the same seven in the newsletter's shape: no VERIFY to read back with, no phone numbers
                Arguments.of(NewsletterBugs.LocateOfUnknownSubjectThrows.class, UNKNOWN_SUBJECT_IS_NO_DATA),
                Arguments.of(NewsletterBugs.SecondEraseThrows.class, ERASE_IS_IDEMPOTENT),
                Arguments.of(NewsletterBugs.EraseReportsOnlyTheLastAttempt.class, ERASE_RESUMES),
                Arguments.of(NewsletterBugs.PreserveHidesWhatWasErased.class, PRESERVE_REPORTS_ALREADY_ERASED),
                Arguments.of(NewsletterBugs.ExportWithoutCheckpoints.class, EXPORT_RESUMES),
                Arguments.of(NewsletterBugs.EmptyCategorySetMeansNone.class, EMPTY_CATEGORY_SET_MEANS_ALL),
                Arguments.of(NewsletterBugs.OpenDateRangeMeansNone.class, OPEN_DATE_RANGE_MEANS_ALL_DATES),
                Arguments.of(NewsletterBugs.DateBlindErase.class, ERASE_HONOURS_DATE_RANGE),
                Arguments.of(NewsletterBugs.CategoryBlindErase.class, CATEGORY_SCOPE_IS_HONOURED),
                // caught before, still caught
                Arguments.of(KitFixtures.DateBlindErase.class, ERASE_HONOURS_DATE_RANGE),
                Arguments.of(KitFixtures.CategoryBlindErase.class, CATEGORY_SCOPE_IS_HONOURED),
                Arguments.of(KitFixtures.RepeatingErase.class, ERASE_IS_IDEMPOTENT),
                // thrown by the team's own hook, not by the handler: still named
                Arguments.of(KitFixtures.VisibleItemsNotWrittenYet.class, RESTRICT_ROUND_TRIPS),
                // issue 12: a legal hold follows the person only if resolve loses no identifier
                Arguments.of(KitFixtures.ResolveReturnsOnlyTheUserId.class, RESOLVE_RETURNS_WHAT_IT_WAS_GIVEN));
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @MethodSource("brokenHandlers")
    void aBrokenHandlerFailsTheRuleItBreaksAndEveryFailureNamesItsRule(Class<?> fixture, ConformanceRule broken) {
        Events tests = run(fixture);

        Map<ConformanceRule, Throwable> failed = failures(tests);
        assertThat(failed).containsKey(broken);
        failed.forEach((rule, failure) -> assertThat(failure)
                .as("the failure of %s", rule)
                .isInstanceOf(ConformanceFailure.class)
                .hasMessageStartingWith("conformance rule " + rule.name() + " (" + rule.title() + ") broken\n")
                .hasMessageContaining("\n  observed: ")
                .hasMessageContaining("\n  expected: " + rule.expects())
                .hasMessageEndingWith(
                        "\n  see: docs/product-sdk.md#" + rule.name().toLowerCase()));
        System.out.println(
                "--- " + fixture.getName().substring(fixture.getPackageName().length() + 1) + " fails "
                        + failed.keySet() + "\n" + failed.get(broken).getMessage());
    }

    @ParameterizedTest(name = "{0} fails only {1}")
    @MethodSource("precise")
    void aNarrowBugFailsOnlyTheRulesItBreaks(Class<?> fixture, Set<ConformanceRule> broken) {
        assertThat(failures(run(fixture)).keySet()).containsExactlyInAnyOrderElementsOf(broken);
    }

    static Stream<Arguments> precise() {
        return Stream.of(
                Arguments.of(KitFixtures.LocateOfUnknownSubjectThrows.class, Set.of(UNKNOWN_SUBJECT_IS_NO_DATA)),
                Arguments.of(KitFixtures.EraseReportsOnlyTheLastAttempt.class, Set.of(ERASE_RESUMES)),
                Arguments.of(KitFixtures.PreserveHidesWhatWasErased.class, Set.of(PRESERVE_REPORTS_ALREADY_ERASED)),
                Arguments.of(KitFixtures.ExportWithoutCheckpoints.class, Set.of(EXPORT_RESUMES)),
                // the scope rules erase a date range too
                Arguments.of(
                        KitFixtures.DateBlindErase.class,
                        Set.of(
                                ERASE_HONOURS_DATE_RANGE,
                                EMPTY_CATEGORY_SET_MEANS_ALL,
                                OPEN_DATE_RANGE_MEANS_ALL_DATES)),
                Arguments.of(KitFixtures.CategoryBlindErase.class, Set.of(CATEGORY_SCOPE_IS_HONOURED)),
                // in the newsletter's shape the same bugs break the same rules, VERIFY's rule skipped
                Arguments.of(NewsletterBugs.LocateOfUnknownSubjectThrows.class, Set.of(UNKNOWN_SUBJECT_IS_NO_DATA)),
                Arguments.of(
                        NewsletterBugs.SecondEraseThrows.class,
                        Set.of(ERASE_IS_IDEMPOTENT, CONCURRENT_ERASES_ARE_SAFE)),
                Arguments.of(NewsletterBugs.EraseReportsOnlyTheLastAttempt.class, Set.of(ERASE_RESUMES)),
                Arguments.of(NewsletterBugs.PreserveHidesWhatWasErased.class, Set.of(PRESERVE_REPORTS_ALREADY_ERASED)),
                Arguments.of(NewsletterBugs.ExportWithoutCheckpoints.class, Set.of(EXPORT_RESUMES)),
                Arguments.of(
                        NewsletterBugs.DateBlindErase.class,
                        Set.of(
                                ERASE_HONOURS_DATE_RANGE,
                                EMPTY_CATEGORY_SET_MEANS_ALL,
                                OPEN_DATE_RANGE_MEANS_ALL_DATES)),
                Arguments.of(NewsletterBugs.CategoryBlindErase.class, Set.of(CATEGORY_SCOPE_IS_HONOURED)),
                Arguments.of(KitFixtures.RepeatingErase.class, Set.of(ERASE_IS_IDEMPOTENT, CONCURRENT_ERASES_ARE_SAFE)),
                Arguments.of(
                        KitFixtures.ResolveReturnsOnlyTheUserId.class,
                        Set.of(RESOLVE_RETURNS_WHAT_IT_WAS_GIVEN, RESOLVE_FINDS_EVERY_IDENTIFIER)));
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    /** The failed rules, each with what it failed with. */
    private static Map<ConformanceRule, Throwable> failures(Events tests) {
        Map<ConformanceRule, Throwable> failed = new LinkedHashMap<>();
        for (Event event : tests.failed().list()) {
            String title = event.getTestDescriptor().getDisplayName();
            ConformanceRule rule = Stream.of(ConformanceRule.values())
                    .filter(r -> r.title().equals(title))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("a failed test names no rule: " + title));
            failed.put(
                    rule,
                    event.getPayload(TestExecutionResult.class)
                            .flatMap(TestExecutionResult::getThrowable)
                            .orElseThrow());
        }
        return failed;
    }
}
