package dev.dsrflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dsrflow.conformance.ConformanceRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The kit is not a rubber stamp: a handler that breaks a rule fails with that rule's name. */
class ConformanceKitCatchesBrokenHandlersTest {

  @Test
  void anEraseThatIgnoresTheDateRangeFailsTheDateRangeRuleByName() {
    Events tests = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(MessagingWithDateBlindErase.class))
        .execute()
        .testEvents();

    List<Event> failures = tests.failed().list();
    assertThat(failures).extracting(e -> e.getTestDescriptor().getDisplayName())
        .containsExactly(ConformanceRule.ERASE_HONOURS_DATE_RANGE.title());
    Throwable cause = failures.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
    assertThat(cause).hasMessageContaining("conformance rule '" + ConformanceRule.ERASE_HONOURS_DATE_RANGE.title() + "'");
    assertThat(tests.succeeded().count()).as("the other rules still pass").isEqualTo(ConformanceRule.values().length - 1);
  }
}
