package dev.dsrflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dsrflow.conformance.ConformanceRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The kit is not a rubber stamp: a handler that breaks a rule fails with that rule's name. */
class ConformanceKitCatchesBrokenHandlersTest {

    static Stream<Arguments> brokenHandlers() {
        return Stream.of(
                Arguments.of(MessagingWithDateBlindErase.class, Set.of(ConformanceRule.ERASE_HONOURS_DATE_RANGE)),
                Arguments.of(ContentWithCategoryBlindErase.class, Set.of(ConformanceRule.CATEGORY_SCOPE_IS_HONOURED)),
                // replaying a report also double-counts when two erases race
                Arguments.of(
                        MessagingWithRepeatingErase.class,
                        Set.of(ConformanceRule.ERASE_IS_IDEMPOTENT, ConformanceRule.CONCURRENT_ERASES_ARE_SAFE)));
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @MethodSource("brokenHandlers")
    void aBrokenHandlerFailsExactlyTheRuleItBreaksAndSaysWhich(Class<?> fixture, Set<ConformanceRule> broken) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();

        List<Event> failures = tests.failed().list();
        assertThat(failures)
                .extracting(e -> e.getTestDescriptor().getDisplayName())
                .containsExactlyInAnyOrderElementsOf(
                        broken.stream().map(ConformanceRule::title).toList());
        for (Event failure : failures) {
            Throwable cause = failure.getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable)
                    .orElseThrow();
            assertThat(cause)
                    .hasMessageContaining(
                            "conformance rule '" + failure.getTestDescriptor().getDisplayName() + "'");
        }
        assertThat(tests.succeeded().count())
                .as("every other rule still passes")
                .isEqualTo(ConformanceRule.values().length - broken.size());
    }
}
