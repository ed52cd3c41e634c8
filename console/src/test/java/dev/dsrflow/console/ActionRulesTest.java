package dev.dsrflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the request page offers each person, and the reason a disabled action gives. */
class ActionRulesTest {
    private static final Instant NOW = Instant.now();
    private static final Person OPS = new Person("ops", Set.of("PRIVACY_OPS"), "t");
    private static final Person OPS2 = new Person("ops2", Set.of("PRIVACY_OPS"), "t");
    private static final Person LEGAL = new Person("legal", Set.of("LEGAL"), "t");

    @Test
    void theRequesterSeesApproveDisabledWithTheFourEyesReason() {
        Map<String, RequestPage.Action> actions = actions(request("DELETION", "AWAITING_APPROVAL", "ops"), OPS);
        assertThat(actions.get("approve").enabled()).isFalse();
        assertThat(actions.get("approve").why())
                .isEqualTo("You filed this request: a second person must approve it (four eyes)");
        assertThat(actions(request("DELETION", "AWAITING_APPROVAL", "ops"), OPS2)
                        .get("approve")
                        .enabled())
                .isTrue();
    }

    @Test
    void aDeletionIsApprovedByPrivacyOpsAndAPreservationByLegal() {
        assertThat(actions(request("DELETION", "AWAITING_APPROVAL", "ops"), LEGAL)
                        .get("approve")
                        .why())
                .isEqualTo("Deletions are approved by privacy-ops");
        assertThat(actions(request("PRESERVATION", "AWAITING_APPROVAL", "legal2"), OPS)
                        .get("approve")
                        .why())
                .isEqualTo("Preservations are approved by legal");
    }

    @Test
    void aDeletionCannotBeCancelledOnceErasureHasStarted() {
        assertThat(actions(request("DELETION", "GRACE_PERIOD", "ops"), OPS2)
                        .get("cancel")
                        .enabled())
                .isTrue();
        assertThat(actions(request("DELETION", "IN_PROGRESS", "ops"), OPS2)
                        .get("cancel")
                        .why())
                .startsWith("Erasure has started");
    }

    @Test
    void onlyAHoldInForceIsRenewedOrReleased() {
        assertThat(actions(request("PRESERVATION", "ACTIVE", "legal2"), LEGAL)
                        .get("release")
                        .enabled())
                .isTrue();
        assertThat(actions(request("PRESERVATION", "RELEASED", "legal2"), LEGAL)
                        .get("renew")
                        .why())
                .isEqualTo("Only a preservation in force (ACTIVE) can be renewed or released");
    }

    @Test
    void aManualProductCanBeCompletedOrSkippedAndAFinishedOneOffersNothing() {
        RequestSummary running = request("DELETION", "IN_PROGRESS", "ops");
        assertThat(names(ActionRules.productActions(running, "support-tickets", "MANUAL", OPS)))
                .containsExactly("complete", "skip");
        assertThat(names(ActionRules.productActions(running, "messaging", "FAILED", OPS)))
                .containsExactly("retry", "complete", "skip");
        assertThat(ActionRules.productActions(running, "profile", "DONE", OPS)).isEmpty();
        assertThat(ActionRules.productActions(running, "support-tickets", "MANUAL", LEGAL))
                .isEmpty();
    }

    private static RequestSummary request(String type, String status, String requestedBy) {
        return RequestSummary.of(
                RequestSummaryTest.view(type, status, requestedBy, NOW.plus(Duration.ofDays(20)), false, false),
                NOW,
                Duration.ofDays(7));
    }

    private static Map<String, RequestPage.Action> actions(RequestSummary request, Person person) {
        return ActionRules.requestActions(request, person).stream()
                .collect(Collectors.toMap(RequestPage.Action::name, a -> a));
    }

    private static List<String> names(List<RequestPage.Action> actions) {
        return actions.stream().map(RequestPage.Action::name).toList();
    }
}
