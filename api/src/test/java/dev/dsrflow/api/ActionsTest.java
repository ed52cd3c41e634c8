package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.WorkflowTypes;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The operator actions against the real request workflows on the Temporal test server:
 * accepted transitions answer the new view, refused ones 409, wrong roles 403, missing reasons
 * 400. The test catalogue has {@code content} (its store is down: FAILED), {@code messaging} (a
 * healthy demo product) and {@code legacy} (manual).
 */
@MicronautTest
class ActionsTest extends ApiTestSupport {
    @Inject
    WorkflowClient temporal;

    private static final String REASON = "{\"reason\": \"verified with the subject\"}";

    private String deletionAwaitingApproval() {
        String id = file("DELETION", "ops");
        awaitStatus(id, "AWAITING_APPROVAL");
        return id;
    }

    private String accessInProgress() {
        String id = file("ACCESS", "ops");
        awaitStatus(id, "IN_PROGRESS");
        return id;
    }

    /** A preservation over the healthy product only, approved and preserved: its hold is in force. */
    private String activePreservation() {
        String id = preservationAwaitingApproval(List.of("messaging"));
        Answer a = post("/v1/requests/" + id + "/approve", null, "legal2");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        awaitStatus(id, "ACTIVE");
        return id;
    }

    private String preservationAwaitingApproval(List<String> products) {
        String body = filing("PRESERVATION").replaceFirst("}$", ", \"products\": " + jsonList(products) + "}");
        Answer a = post("/v1/requests", body, "legal");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        String id = a.json().path("id").asText();
        awaitStatus(id, "AWAITING_APPROVAL");
        return id;
    }

    /** A preservation over every product, approved: content FAILED, legacy MANUAL, so not yet ACTIVE. */
    private String preservationWaitingOnProducts() {
        String id = preservationAwaitingApproval(List.of("content", "legacy", "messaging"));
        assertThat(post("/v1/requests/" + id + "/approve", null, "legal2").status())
                .isEqualTo(200);
        awaitProducts(id, Map.of("content", "FAILED", "legacy", "MANUAL", "messaging", "DONE"));
        return id;
    }

    private static String jsonList(List<String> items) {
        return items.stream().map(i -> "\"" + i + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private void awaitProducts(String id, Map<String, String> expected) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(
                                products(get("/v1/requests/" + id, "auditor").json()))
                        .isEqualTo(expected));
    }

    private static Map<String, String> products(JsonNode view) {
        Map<String, String> out = new java.util.TreeMap<>();
        view.path("products")
                .forEach(p ->
                        out.put(p.path("product").asText(), p.path("status").asText()));
        return out;
    }

    @Test
    void approvingOwnRequestIsForbidden() {
        String id = deletionAwaitingApproval();
        JsonNode p = post("/v1/requests/" + id + "/approve", null, "ops").problem(409);
        assertThat(p.path("detail").asText()).contains("four eyes");
    }

    @Test
    void anotherOperatorApprovesADeletionIntoItsGracePeriodAndTheActorIsRecorded() {
        String id = deletionAwaitingApproval();
        Answer a = post("/v1/requests/" + id + "/approve", REASON, "ops2");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("approvedBy").asText()).isEqualTo("ops2");
        awaitStatus(id, "GRACE_PERIOD");
        JsonNode view = get("/v1/requests/" + id, "ops").json();
        assertThat(view.path("graceShortened").asBoolean())
                .as("30 days from receipt would end after the GDPR month less the 7-day erase budget")
                .isTrue();
        assertThat(java.time.Instant.parse(view.path("graceConfiguredEndsAt").asText()))
                .isEqualTo(java.time.Instant.parse(view.path("receivedAt").asText())
                        .plus(java.time.Duration.ofDays(30)))
                .isAfter(java.time.Instant.parse(view.path("graceEndsAt").asText()));
        JsonNode history = get("/v1/requests/" + id + "/history", "auditor").json();
        assertThat(history.path("verified").asBoolean()).isTrue();
        assertThat(StreamSupport.stream(history.path("events").spliterator(), false)
                        .filter(e -> e.path("kind").asText().equals("APPROVED"))
                        .map(e -> e.path("actor").asText())
                        .toList())
                .containsExactly("ops2");
    }

    @Test
    void approvingTwiceIs409() {
        String id = deletionAwaitingApproval();
        assertThat(post("/v1/requests/" + id + "/approve", null, "ops2").status())
                .isEqualTo(200);
        JsonNode p = post("/v1/requests/" + id + "/approve", null, "ops2").problem(409);
        assertThat(p.path("detail").asText())
                .as("the workflow's reason, decrypted")
                .contains("cannot approve: the request is");
    }

    @Test
    void legalApprovingADeletionIsForbidden() {
        String id = deletionAwaitingApproval();
        post("/v1/requests/" + id + "/approve", null, "legal").problem(403);
    }

    @Test
    void auditorsNeverAct() {
        String id = deletionAwaitingApproval();
        for (String action : List.of(
                "approve",
                "reject",
                "cancel",
                "extend",
                "products/content/retry",
                "products/content/complete",
                "products/content/skip",
                "renew",
                "release")) {
            post("/v1/requests/" + id + "/" + action, REASON, "auditor").problem(403);
        }
    }

    @Test
    void actionsWithoutCredentialsAre401() {
        String id = deletionAwaitingApproval();
        for (String action : List.of(
                "approve",
                "reject",
                "cancel",
                "extend",
                "products/content/retry",
                "products/content/complete",
                "products/content/skip",
                "renew",
                "release")) {
            post("/v1/requests/" + id + "/" + action, REASON, null).problem(401);
        }
    }

    @Test
    void privacyOpsCannotRenewOrReleaseAndLegalCannotSteerOperations() {
        String id = accessInProgress();
        post("/v1/requests/" + id + "/renew", "{\"until\": \"2030-01-01T00:00:00Z\"}", "ops")
                .problem(403);
        post("/v1/requests/" + id + "/release", REASON, "ops").problem(403);
        for (String action : List.of(
                "cancel", "extend", "products/content/retry", "products/content/complete", "products/content/skip")) {
            post("/v1/requests/" + id + "/" + action, REASON, "legal").problem(403);
        }
    }

    @Test
    void rejectingNeedsAReason() {
        String id = deletionAwaitingApproval();
        JsonNode p = post("/v1/requests/" + id + "/reject", null, "ops2").problem(400);
        assertThat(FilingTest.fields(p)).containsExactly("reason");
        p = post("/v1/requests/" + id + "/reject", "{\"reason\": \"  \"}", "ops2")
                .problem(400);
        assertThat(FilingTest.fields(p)).containsExactly("reason");
    }

    @Test
    void aRejectedRequestCannotBeCancelledOrApproved() {
        String id = deletionAwaitingApproval();
        Answer a = post("/v1/requests/" + id + "/reject", REASON, "ops2");
        assertThat(a.json().path("status").asText()).isEqualTo("REJECTED");
        post("/v1/requests/" + id + "/cancel", null, "ops2").problem(409);
        post("/v1/requests/" + id + "/approve", null, "ops2").problem(409);
    }

    @Test
    void rejectingOwnRequestIsForbidden() {
        String id = deletionAwaitingApproval();
        post("/v1/requests/" + id + "/reject", REASON, "ops").problem(409);
    }

    @Test
    void aDeletionInItsGracePeriodCanBeCancelledOnce() {
        String id = deletionAwaitingApproval();
        post("/v1/requests/" + id + "/approve", null, "ops2");
        awaitStatus(id, "GRACE_PERIOD");
        Answer a = post("/v1/requests/" + id + "/cancel", REASON, "ops");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("CANCELLED");
        post("/v1/requests/" + id + "/cancel", null, "ops").problem(409);
    }

    @Test
    void approvingAnAccessRequestIs409() {
        String id = accessInProgress();
        post("/v1/requests/" + id + "/approve", null, "ops2").problem(409);
    }

    @Test
    void theDueDateExtendsOnceWithAReason() {
        String id = accessInProgress();
        String due = get("/v1/requests/" + id, "ops").json().path("dueAt").asText();
        assertThat(FilingTest.fields(
                        post("/v1/requests/" + id + "/extend", null, "ops").problem(400)))
                .containsExactly("reason");
        Answer a = post("/v1/requests/" + id + "/extend", REASON, "ops");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("extended").asBoolean()).isTrue();
        assertThat(a.json().path("dueAt").asText()).isGreaterThan(due);
        post("/v1/requests/" + id + "/extend", REASON, "ops").problem(409);
    }

    @Test
    void aFailedProductRunsAgainOnRetryAndOnlyAFailedOneDoes() {
        String id = accessInProgress();
        awaitProducts(id, Map.of("content", "FAILED", "legacy", "MANUAL", "messaging", "NO_DATA"));
        Answer a = post("/v1/requests/" + id + "/products/content/retry", null, "ops");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(products(a.json())).containsEntry("content", "PENDING");
        // its store is still down: the run fails again and waits for the next decision
        awaitProducts(id, Map.of("content", "FAILED", "legacy", "MANUAL", "messaging", "NO_DATA"));
        assertThat(StreamSupport.stream(
                                get("/v1/requests/" + id + "/history", "auditor")
                                        .json()
                                        .path("events")
                                        .spliterator(),
                                false)
                        .filter(e -> e.path("kind").asText().equals("PRODUCT_RETRY"))
                        .map(e -> e.path("actor").asText() + " "
                                + e.path("product").asText())
                        .toList())
                .containsExactly("ops content");
        post("/v1/requests/" + id + "/products/messaging/retry", null, "ops").problem(409);
        post("/v1/requests/" + id + "/products/legacy/retry", null, "ops").problem(409);
        post("/v1/requests/" + id + "/products/unknown/retry", null, "ops").problem(409);
    }

    @Test
    void completingAndSkippingEveryProductCompletesTheRequest() {
        String id = accessInProgress();
        awaitProducts(id, Map.of("content", "FAILED", "legacy", "MANUAL", "messaging", "NO_DATA"));
        assertThat(FilingTest.fields(post("/v1/requests/" + id + "/products/legacy/complete", null, "ops")
                        .problem(400)))
                .containsExactly("reason");
        assertThat(FilingTest.fields(post("/v1/requests/" + id + "/products/content/skip", "{}", "ops")
                        .problem(400)))
                .containsExactly("reason");
        assertThat(post("/v1/requests/" + id + "/products/legacy/complete", REASON, "ops")
                        .status())
                .isEqualTo(200);
        post("/v1/requests/" + id + "/products/legacy/complete", REASON, "ops").problem(409);
        post("/v1/requests/" + id + "/products/messaging/complete", REASON, "ops")
                .problem(409);
        Answer last = post("/v1/requests/" + id + "/products/content/skip", REASON, "ops");
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(products(last.json()))
                .containsEntry("content", "SKIPPED")
                .containsEntry("legacy", "DONE")
                .containsEntry("messaging", "NO_DATA");
        awaitStatus(id, "COMPLETED");
        post("/v1/requests/" + id + "/products/content/skip", REASON, "ops").problem(409);
        post("/v1/requests/" + id + "/cancel", null, "ops").problem(409);
        post("/v1/requests/" + id + "/extend", REASON, "ops").problem(409);
    }

    @Test
    void anAccessRequestCanBeCancelledBeforeCompletion() {
        String id = accessInProgress();
        Answer a = post("/v1/requests/" + id + "/cancel", null, "ops2");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void legalApprovingOwnPreservationIsForbiddenAndPrivacyOpsMayNotApproveIt() {
        String id = file("PRESERVATION", "legal");
        awaitStatus(id, "AWAITING_APPROVAL");
        post("/v1/requests/" + id + "/approve", null, "legal").problem(409);
        post("/v1/requests/" + id + "/approve", null, "ops").problem(403);
    }

    @Test
    void aHoldInForceIsRenewedOnlyToALaterInstant() {
        String id = activePreservation();
        String until = "2099-03-01T00:00:00Z";
        Answer a = post(
                "/v1/requests/" + id + "/renew",
                "{\"until\": \"" + until + "\", \"reason\": \"court extended\"}",
                "legal");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("holdExpiresAt").asText()).isEqualTo(until);
        post("/v1/requests/" + id + "/renew", "{\"until\": \"2098-01-01T00:00:00Z\"}", "legal")
                .problem(409);
        assertThat(FilingTest.fields(post("/v1/requests/" + id + "/renew", "{\"reason\": \"x\"}", "legal")
                        .problem(400)))
                .containsExactly("until");
        assertThat(FilingTest.fields(post("/v1/requests/" + id + "/renew", "{\"until\": \"soon\"}", "legal")
                        .problem(400)))
                .containsExactly("until");
        assertThat(FilingTest.fields(
                        post("/v1/requests/" + id + "/renew", null, "legal").problem(400)))
                .containsExactly("body");
    }

    @Test
    void releasingAHoldNeedsAReasonAndHappensOnce() {
        String id = activePreservation();
        post("/v1/requests/" + id + "/release", null, "legal").problem(400);
        Answer a = post("/v1/requests/" + id + "/release", REASON, "legal2");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        post("/v1/requests/" + id + "/release", REASON, "legal").problem(409);
        post("/v1/requests/" + id + "/renew", "{\"until\": \"2099-01-01T00:00:00Z\"}", "legal")
                .problem(409);
        awaitStatus(id, "RELEASED");
        post("/v1/requests/" + id + "/release", REASON, "legal").problem(409);
    }

    @Test
    void onAPreservationPrivacyOpsNeverSteerAndLegalDoes() {
        String id = preservationWaitingOnProducts();
        for (String action :
                List.of("cancel", "products/content/retry", "products/legacy/complete", "products/content/skip")) {
            JsonNode p =
                    post("/v1/requests/" + id + "/" + action, REASON, "ops").problem(403);
            assertThat(p.path("detail").asText()).as(action).contains("LEGAL");
        }
        assertThat(products(get("/v1/requests/" + id, "auditor").json()))
                .containsEntry("content", "FAILED")
                .containsEntry("legacy", "MANUAL");
        Answer retried = post("/v1/requests/" + id + "/products/content/retry", REASON, "legal");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        awaitProducts(id, Map.of("content", "FAILED", "legacy", "MANUAL", "messaging", "DONE"));
        Answer completed = post("/v1/requests/" + id + "/products/legacy/complete", REASON, "legal");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        Answer skipped = post("/v1/requests/" + id + "/products/content/skip", REASON, "legal2");
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
        awaitStatus(id, "ACTIVE");
        post("/v1/requests/" + id + "/cancel", REASON, "legal").problem(409);
    }

    @Test
    void legalCancelsAPreservationBeforeApprovalButPrivacyOpsCannot() {
        String id = preservationAwaitingApproval(List.of("messaging"));
        post("/v1/requests/" + id + "/cancel", REASON, "ops").problem(403);
        Answer a = post("/v1/requests/" + id + "/cancel", REASON, "legal");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aPreservationCannotBeCancelledAndADeletionCannotBeReleased() {
        String preservation = activePreservation();
        post("/v1/requests/" + preservation + "/cancel", null, "legal").problem(409);
        String deletion = deletionAwaitingApproval();
        post("/v1/requests/" + deletion + "/release", REASON, "legal").problem(409);
    }

    @Test
    void actingOnAnUnknownRequestIs404() {
        List<Integer> statuses = new ArrayList<>();
        for (String action : List.of(
                "approve",
                "reject",
                "cancel",
                "extend",
                "products/content/retry",
                "products/content/complete",
                "products/content/skip")) {
            statuses.add(post("/v1/requests/no-such-request/" + action, REASON, "ops")
                    .problem(404)
                    .path("status")
                    .asInt());
        }
        post("/v1/requests/no-such-request/release", REASON, "legal").problem(404);
        post("/v1/requests/no-such-request/renew", "{\"until\": \"2099-01-01T00:00:00Z\"}", "legal")
                .problem(404);
        assertThat(statuses).containsOnly(404);
    }

    @Test
    void unknownFieldsInAnActionAreRefused() {
        String id = accessInProgress();
        JsonNode p = post("/v1/requests/" + id + "/cancel", "{\"reason\": \"x\", \"force\": true}", "ops")
                .problem(400);
        assertThat(FilingTest.fields(p)).containsExactly("force");
        p = post("/v1/requests/" + id + "/cancel", "{\"reason\": \"" + "r".repeat(2001) + "\"}", "ops")
                .problem(400);
        assertThat(FilingTest.fields(p)).containsExactly("reason");
    }

    @Test
    void theTemporalHistoryOfAFiledRequestIsRawJson() {
        String id = file("ACCESS", "ops");
        awaitStatus(id, "IN_PROGRESS");
        Answer a = get("/v1/requests/" + id + "/history/temporal", "auditor");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        JsonNode events = a.json().path("events");
        assertThat(events.isArray()).isTrue();
        assertThat(events.get(0).path("eventType").asText()).containsIgnoringCase("WORKFLOW_EXECUTION_STARTED");
        assertThat(a.body()).doesNotContain(SUBJECT_EMAIL).doesNotContain(SUBJECT_USER);
    }

    /** A deletion awaiting approval whose workflow runs on a queue no worker polls: updates never answer. */
    private String stuckDeletion() {
        String id = fixtures()
                .insert(new LedgerFixtures.Row(
                        RequestType.DELETION,
                        RequestStatus.AWAITING_APPROVAL,
                        Jurisdiction.GDPR,
                        new SubjectIdentifiers("u-stuck", null, null),
                        Instant.now(),
                        null,
                        List.of("content"),
                        null,
                        "ops"));
        temporal.newUntypedWorkflowStub(
                        WorkflowTypes.DELETION,
                        WorkflowOptions.newBuilder()
                                .setWorkflowId(WorkflowIds.request(id))
                                .setTaskQueue("nobody-polls-this-queue")
                                .build())
                .start("never run");
        return id;
    }

    /**
     * Threads still inside a Temporal client's update call (waiting for the workflow to answer).
     * The in-process test server's own handler threads are not callers and are left out.
     */
    private static List<String> threadsInAnUpdateCall() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(f -> (f.getClassName().startsWith("io.temporal.client.")
                                        || f.getClassName().startsWith("io.temporal.internal.client."))
                                && f.getMethodName().toLowerCase(Locale.ROOT).contains("update")))
                .map(e -> e.getKey().getName())
                .toList();
    }

    @Test
    void anActionThatTimesOutCancelsItsCall() {
        String id = stuckDeletion();
        JsonNode p = post("/v1/requests/" + id + "/approve", null, "ops2").problem(503);
        assertThat(p.path("detail").asText()).contains("did not answer");
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(threadsInAnUpdateCall()).isEmpty());
    }

    @Test
    void actionsWaitingOnWorkflowsTakeABoundedPoolAndTheRestAnswer503AtOnce() throws Exception {
        String id = stuckDeletion();
        int calls = 7; // the test pool holds 4 (dsrflow.api.action-concurrency)
        ExecutorService clients = Executors.newFixedThreadPool(calls);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                answers.add(clients.submit(() -> post("/v1/requests/" + id + "/approve", null, "ops2")));
            }
            List<String> details = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                details.add(answer.get().problem(503).path("detail").asText());
            }
            assertThat(details.stream().filter(d -> d.startsWith("Too many operator actions")))
                    .hasSize(calls - 4);
            assertThat(details.stream().filter(d -> d.contains("did not answer")))
                    .hasSize(4);
        } finally {
            clients.shutdownNow();
        }
        // the timed-out calls were cancelled: their places are free for the next actions
        await().atMost(Duration.ofSeconds(2))
                .until(() -> threadsInAnUpdateCall().isEmpty());
        JsonNode p = post("/v1/requests/" + id + "/approve", null, "ops2").problem(503);
        assertThat(p.path("detail").asText()).contains("did not answer");
    }

    @Test
    void anActionAnswers503WhenNoWorkerRunsTheRequestsWorkflow() {
        String id = fixtures()
                .insert(new LedgerFixtures.Row(
                        RequestType.DELETION,
                        RequestStatus.AWAITING_APPROVAL,
                        Jurisdiction.GDPR,
                        new SubjectIdentifiers("u-stuck", null, null),
                        Instant.now(),
                        null,
                        List.of("content"),
                        null,
                        "ops"));
        temporal.newUntypedWorkflowStub(
                        WorkflowTypes.DELETION,
                        WorkflowOptions.newBuilder()
                                .setWorkflowId(WorkflowIds.request(id))
                                .setTaskQueue("nobody-polls-this-queue")
                                .build())
                .start("never run");
        long started = System.nanoTime();
        JsonNode p = post("/v1/requests/" + id + "/approve", null, "ops2").problem(503);
        assertThat(p.path("detail").asText()).contains("may still apply");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
