package dev.dsrflow.api.drp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsrflow.api.ApiTestSupport;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * dsrflow as a Data Rights Protocol 0.9.4 Privacy Infrastructure Provider, driven by a test agent
 * with its own keys, signing and callback server: key setup, requests filed through the protocol
 * and their status callbacks, revocation, and every refusal filing nothing.
 */
@MicronautTest
class DrpAgentTest extends ApiTestSupport {
    private static final String WITH_DATA = "user0042@example.com";
    private static final String WITHOUT_DATA = "nobody.here@example.org";
    private static final String REASON = "{\"reason\": \"test\"}";

    private final TestAgent agent = new TestAgent("CR_AA");
    private final TestAgent other = new TestAgent("OTHER_AA");
    private final TestAgent stranger = new TestAgent("UNKNOWN_AA");
    private String callbackUrl;

    @Inject
    EmbeddedServer server;

    @Override
    protected List<String> identifiersNeverLogged() {
        return List.of(WITH_DATA, WITHOUT_DATA, "u-0042");
    }

    @Override
    public Map<String, String> getProperties() {
        callbackUrl = agent.startCallbackServer();
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("dsrflow.drp.business-id", TestAgent.BUSINESS);
        p.put("dsrflow.drp.agents.tester.agent-id", "CR_AA");
        p.put("dsrflow.drp.agents.tester.verify-key", agent.verifyKeyHex());
        p.put("dsrflow.drp.agents.tester.callback-domains", "127.0.0.1");
        p.put("dsrflow.drp.agents.other.agent-id", "OTHER_AA");
        p.put( // base64, as the service directory publishes keys since DRP 0.9.1
                "dsrflow.drp.agents.other.verify-key",
                Base64.getEncoder().encodeToString(HexFormat.of().parseHex(other.verifyKeyHex())));
        p.put("dsrflow.drp.agents.other.callback-domains", "agent.example");
        p.put("dsrflow.drp.allow-loopback-http", "true");
        p.put("dsrflow.drp.poll-interval", "100ms");
        p.put("dsrflow.drp.callback-give-up", "3s");
        return p;
    }

    @BeforeAll
    void setUpAgents() {
        for (TestAgent a : List.of(agent, other, stranger)) {
            a.base = server.getURL().toString();
        }
        assertThat(agent.setUp().status()).isEqualTo(200);
        assertThat(other.setUp().status()).isEqualTo(200);
    }

    @AfterAll
    void stopAgents() {
        agent.close();
    }

    @Test
    void keySetupAnswersATokenStoredOnlyAsItsHashThatTheAgentEndpointAccepts() throws Exception {
        TestAgent.Reply r = agent.send("POST", "/v1/agent/CR_AA", agent.sign(agent.envelope()), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().path("agent-id").asText()).isEqualTo("CR_AA");
        String token = r.json().path("token").asText();
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(count("select count(*) from ledger.drp_tokens where token_hash = '" + hash + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from ledger.drp_tokens where token_hash = '" + token + "'"))
                .isZero();

        TestAgent.Reply info = agent.send("GET", "/v1/agent/CR_AA", null, token);
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().size()).isZero();
        assertThat(agent.send("GET", "/v1/agent/OTHER_AA", null, token).status())
                .isEqualTo(403);
        assertThat(agent.send("GET", "/v1/agent/CR_AA", null, "not-a-token").status())
                .isEqualTo(403);
        agent.token = token; // a new key setup replaces the agent's token
    }

    @Test
    void keySetupRefusalsAre403WithNoBody() {
        ObjectNode wrongBusiness = agent.envelope().put("business-id", "ANOTHER_CB");
        ObjectNode expired = agent.envelope()
                .put("issued-at", Instant.now().minusSeconds(600).toString())
                .put("expires-at", Instant.now().minusSeconds(300).toString());
        ObjectNode tooLong = agent.envelope()
                .put("expires-at", Instant.now().plus(Duration.ofDays(1)).toString());
        ObjectNode future = agent.envelope()
                .put("issued-at", Instant.now().plus(Duration.ofMinutes(10)).toString())
                .put("expires-at", Instant.now().plus(Duration.ofMinutes(12)).toString());
        String good = agent.sign(agent.envelope());
        byte[] tampered = Base64.getDecoder().decode(good);
        tampered[10] ^= 1;
        Map<String, TestAgent.Reply> refusals = new java.util.LinkedHashMap<>();
        refusals.put(
                "bad signature",
                agent.send("POST", "/v1/agent/CR_AA", Base64.getEncoder().encodeToString(tampered), null));
        refusals.put(
                "wrong key",
                agent.send("POST", "/v1/agent/CR_AA", TestAgent.sign(agent.envelope(), other.keys()), null));
        refusals.put("URL names another agent", agent.send("POST", "/v1/agent/OTHER_AA", good, null));
        refusals.put(
                "unknown agent",
                stranger.send("POST", "/v1/agent/UNKNOWN_AA", stranger.sign(stranger.envelope()), null));
        refusals.put("wrong business-id", agent.send("POST", "/v1/agent/CR_AA", agent.sign(wrongBusiness), null));
        refusals.put("expired", agent.send("POST", "/v1/agent/CR_AA", agent.sign(expired), null));
        refusals.put("valid for too long", agent.send("POST", "/v1/agent/CR_AA", agent.sign(tooLong), null));
        refusals.put("issued in the future", agent.send("POST", "/v1/agent/CR_AA", agent.sign(future), null));
        refusals.put("not base64", agent.send("POST", "/v1/agent/CR_AA", "%%%", null));
        assertThat(agent.send("POST", "/v1/agent/CR_AA", good, null).status()).isEqualTo(200);
        refusals.put("replayed", agent.send("POST", "/v1/agent/CR_AA", good, null));
        refusals.forEach((why, reply) -> {
            assertThat(reply.status()).as(why).isEqualTo(403);
            assertThat(reply.body()).as(why).isEmpty();
        });
        agent.setUp();
    }

    @Test
    void anAccessIsFiledThroughRequestFilingAndFulfilledWithEveryCallbackInOrder() {
        ObjectNode message = agent.exercise("access", WITH_DATA, callbackUrl);
        TestAgent.Reply filed = agent.file(message);
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        assertThat(filed.contentType()).startsWith("application/json");
        JsonNode status = filed.json();
        String id = status.path("request_id").asText();
        assertThat(status.path("agent_request_id").asText())
                .isEqualTo(message.path("agent-request-id").asText());
        assertThat(status.path("status").asText()).isIn("open", "in_progress");
        assertThat(status.path("received_at").asText()).isNotEmpty();

        JsonNode view = get("/v1/requests/" + id, "ops").json();
        assertThat(view.path("type").asText()).isEqualTo("ACCESS");
        assertThat(view.path("jurisdiction").asText()).isEqualTo("CCPA");
        assertThat(view.path("requestedBy").asText()).isEqualTo("drp:CR_AA");
        assertThat(view.path("channel").asText()).isEqualTo("DRP");
        assertThat(view.path("agentId").asText()).isEqualTo("CR_AA");
        assertThat(get("/v1/requests?size=50", "auditor").body()).contains("\"channel\":\"DRP\"");
        assertThat(view.toString()).doesNotContain(WITH_DATA);
        assertThat(get("/v1/requests/" + file("ACCESS", "ops"), "ops").json().has("channel"))
                .isFalse();

        awaitCallbacks(id, 1);
        JsonNode progress = agent.callbacksFor(id).get(0);
        assertThat(progress.path("status").asText()).isEqualTo("in_progress");
        // CCPA: 45 days from receipt
        assertThat(Duration.between(
                        Instant.parse(progress.path("received_at").asText()),
                        Instant.parse(progress.path("expected_by").asText())))
                .isEqualTo(Duration.ofDays(45));

        assertThat(post("/v1/requests/" + id + "/extend", "{\"reason\": \"many records to gather\"}", "ops")
                        .status())
                .isEqualTo(200);
        awaitCallbacks(id, 2);
        JsonNode extended = agent.callbacksFor(id).get(1);
        assertThat(extended.path("status").asText()).isEqualTo("in_progress");
        assertThat(extended.path("processing_details").asText()).contains("many records to gather");
        assertThat(Duration.between(
                        Instant.parse(extended.path("received_at").asText()),
                        Instant.parse(extended.path("expected_by").asText())))
                .isEqualTo(Duration.ofDays(90));

        finishByHand(id);
        awaitCallbacks(id, 3);
        List<JsonNode> callbacks = agent.callbacksFor(id);
        assertThat(callbacks)
                .extracting(c -> c.path("status").asText())
                .containsExactly("in_progress", "in_progress", "fulfilled");
        JsonNode fulfilled = callbacks.get(2);
        assertThat(fulfilled.path("expires_at").asText()).isNotEmpty();
        assertThat(agent.status(id).json()).isEqualTo(fulfilled);

        TestAgent.Reply results = agent.get(fulfilled.path("results_url").asText());
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        assertThat(results.json().path("requestId").asText()).isEqualTo(id);
        assertThat(results.json().path("totalItems").asLong()).isPositive();
        assertThat(other.get(fulfilled.path("results_url").asText()).status()).isEqualTo(403);

        JsonNode history = get("/v1/requests/" + id + "/history", "auditor").json();
        assertThat(history.path("verified").asBoolean()).isTrue();
        List<String> events = StreamSupport.stream(history.path("events").spliterator(), false)
                .map(e -> e.path("kind").asText() + " " + e.path("actor").asText())
                .toList();
        assertThat(events).first().isEqualTo("FILED drp:CR_AA");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(StreamSupport.stream(
                                        get("/v1/requests/" + id + "/history", "auditor")
                                                .json()
                                                .path("events")
                                                .spliterator(),
                                        false)
                                .filter(e -> e.path("kind").asText().equals("DRP_CALLBACK_DELIVERED"))
                                .map(e -> e.path("detail").asText())
                                .toList())
                        .hasSize(3)
                        .allMatch(d -> d.contains("HTTP 200")));
    }

    @Test
    void anAccessForAPersonWithNoDataIsFulfilledWithAnEmptyReport() {
        TestAgent.Reply filed = agent.file(agent.exercise("access:categories", WITHOUT_DATA, null));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        String id = filed.json().path("request_id").asText();
        finishByHand(id);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> agent.status(id).json().path("status").asText().equals("fulfilled"));
        JsonNode results =
                agent.get(agent.status(id).json().path("results_url").asText()).json();
        assertThat(results.path("totalItems").asLong()).isZero();
    }

    @Test
    void aDeletionRevokedInItsGracePeriodIsRevoked() {
        TestAgent.Reply filed = agent.file(agent.exercise("deletion", WITH_DATA, callbackUrl));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        String id = filed.json().path("request_id").asText();
        awaitStatus(id, "AWAITING_APPROVAL");
        assertThat(post("/v1/requests/" + id + "/approve", REASON, "ops").status())
                .isEqualTo(200);
        awaitStatus(id, "GRACE_PERIOD");

        TestAgent.Reply foreign = other.revoke(id, "not mine");
        assertThat(foreign.status()).isEqualTo(403);
        TestAgent.Reply revoked = agent.revoke(id, "I changed my mind");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("status").asText()).isEqualTo("revoked");
        assertThat(get("/v1/requests/" + id, "ops").json().path("status").asText())
                .isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.callbacksFor(id).stream()
                        .anyMatch(c -> c.path("status").asText().equals("revoked")));
        assertThat(agent.callbacksFor(id))
                .extracting(c -> c.path("status").asText())
                .containsExactly("in_progress", "revoked");
        assertThat(agent.revoke(id, "again").json().path("status").asText()).isEqualTo("revoked");
    }

    @Test
    void anotherAgentsTokenIsForbiddenTheRequest() {
        String id = agent.file(agent.exercise("access", WITHOUT_DATA, null))
                .json()
                .path("request_id")
                .asText();
        TestAgent.Reply r = other.status(id);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("code").asText()).isEqualTo("403");
        assertThat(agent.status(id).status()).isEqualTo(200);
        assertThat(agent.send("GET", "/v1/data-rights-request/" + id, null, null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusedExercisesFileNothing() {
        long before = count("select count(*) from ledger.requests");
        ObjectNode base = agent.exercise("access", WITH_DATA, callbackUrl);
        byte[] tampered = Base64.getDecoder().decode(agent.sign(base));
        tampered[70] ^= 1;
        Map<String, TestAgent.Reply> forbidden = new java.util.LinkedHashMap<>();
        forbidden.put(
                "bad signature",
                agent.send(
                        "POST", "/v1/data-rights-request", Base64.getEncoder().encodeToString(tampered), agent.token));
        forbidden.put(
                "wrong key",
                agent.send(
                        "POST",
                        "/v1/data-rights-request",
                        TestAgent.sign(agent.exercise("access", WITH_DATA, null), other.keys()),
                        agent.token));
        forbidden.put(
                "another agent's token",
                agent.send(
                        "POST",
                        "/v1/data-rights-request",
                        agent.sign(agent.exercise("access", WITH_DATA, null)),
                        other.token));
        forbidden.put(
                "no token",
                agent.send(
                        "POST",
                        "/v1/data-rights-request",
                        agent.sign(agent.exercise("access", WITH_DATA, null)),
                        null));
        forbidden.put(
                "wrong business-id",
                agent.file(agent.exercise("access", WITH_DATA, null).put("business-id", "ANOTHER_CB")));
        forbidden.put(
                "expired",
                agent.file(agent.exercise("access", WITH_DATA, null)
                        .put("issued-at", Instant.now().minusSeconds(900).toString())
                        .put("expires-at", Instant.now().minusSeconds(1).toString())));
        forbidden.forEach((why, reply) -> {
            assertThat(reply.status()).as(why + ": " + reply.body()).isEqualTo(403);
            assertThat(reply.contentType()).as(why).startsWith("application/json");
            assertThat(reply.json().path("code").asText()).as(why).isEqualTo("403");
            assertThat(reply.json().path("message").asText()).as(why).isNotEmpty();
        });
        assertThat(forbidden
                        .get("wrong business-id")
                        .json()
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("business-id");

        TestAgent.Reply outside = agent.file(agent.exercise("access", WITH_DATA, "https://elsewhere.example/cb"));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("errors").get(0).path("field").asText()).isEqualTo("status_callback");
        TestAgent.Reply plainHttp = other.file(other.exercise("access", WITH_DATA, "http://agent.example/cb"));
        assertThat(plainHttp.status()).isEqualTo(400);
        TestAgent.Reply noIdentity =
                agent.file(agent.exercise("access", WITH_DATA, null).without("email"));
        assertThat(noIdentity.status()).isEqualTo(400);
        assertThat(noIdentity.json().path("errors").get(0).path("field").asText())
                .isEqualTo("email");
        TestAgent.Reply unknownRight = agent.file(agent.exercise("portability", WITH_DATA, null));
        assertThat(unknownRight.status()).isEqualTo(400);
        assertThat(count("select count(*) from ledger.requests")).isEqualTo(before);

        String signed = agent.sign(agent.exercise("access", WITHOUT_DATA, null));
        assertThat(agent.send("POST", "/v1/data-rights-request", signed, agent.token)
                        .status())
                .isEqualTo(200);
        TestAgent.Reply replayed = agent.send("POST", "/v1/data-rights-request", signed, agent.token);
        assertThat(replayed.status()).isEqualTo(403);
        ObjectNode reused = agent.exercise("access", WITHOUT_DATA, null);
        assertThat(agent.file(reused).status()).isEqualTo(200);
        ObjectNode again = agent.exercise("access", WITHOUT_DATA, null)
                .put("agent-request-id", reused.path("agent-request-id").asText());
        TestAgent.Reply reusedId = agent.file(again);
        assertThat(reusedId.status()).isEqualTo(400);
        assertThat(reusedId.json().path("errors").get(0).path("field").asText()).isEqualTo("agent-request-id");
        assertThat(count("select count(*) from ledger.requests")).isEqualTo(before + 2);
    }

    @Test
    void aSaleOptOutIsDeniedAsNotCoveredAndFiledNowhere() {
        long before = count("select count(*) from ledger.requests");
        for (String right : List.of("sale:opt_out", "sale:opt_in")) {
            TestAgent.Reply r = agent.file(agent.exercise(right, WITH_DATA, callbackUrl));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("status").asText()).isEqualTo("denied");
            assertThat(r.json().path("reason").asText()).isEqualTo("claim_not_covered");
            String id = r.json().path("request_id").asText();
            assertThat(agent.status(id).json().path("status").asText()).isEqualTo("denied");
        }
        assertThat(count("select count(*) from ledger.requests")).isEqualTo(before);
    }

    @Test
    void aFailedCallbackIsRetriedAndARedirectIsNeverFollowedEachDeliveryInTheLedger() {
        String base = callbackUrl.substring(0, callbackUrl.indexOf("/drp/"));
        String flaky = agent.file(agent.exercise("access", WITHOUT_DATA, base + "/drp/flaky"))
                .json()
                .path("request_id")
                .asText();
        String moved = agent.file(agent.exercise("access", WITHOUT_DATA, base + "/drp/moved"))
                .json()
                .path("request_id")
                .asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> !agent.flakyAccepted.isEmpty());
        assertThat(agent.flakyAccepted.get(0).path("request_id").asText()).isEqualTo(flaky);
        assertThat(agent.flakyAccepted.get(0).path("status").asText()).isEqualTo("in_progress");
        assertThat(agent.flakyHits.get()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events(flaky, "DRP_CALLBACK_DELIVERED").size() == 1);
        assertThat(events(flaky, "DRP_CALLBACK_DELIVERED").get(0))
                .contains("HTTP 200")
                .contains("attempt 2");

        // the redirect's target never sees the callback; after the give-up time (3 s here) it is abandoned
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events(moved, "DRP_CALLBACK_ABANDONED").size() == 1);
        assertThat(events(moved, "DRP_CALLBACK_ABANDONED").get(0)).contains("HTTP 302");
        assertThat(agent.movedHits.get()).isGreaterThanOrEqualTo(2);
        assertThat(agent.callbacksFor(moved)).isEmpty();
        assertThat(events(moved, "DRP_CALLBACK_DELIVERED")).isEmpty();
    }

    private List<String> events(String id, String kind) {
        return StreamSupport.stream(
                        get("/v1/requests/" + id + "/history", "auditor")
                                .json()
                                .path("events")
                                .spliterator(),
                        false)
                .filter(e -> e.path("kind").asText().equals(kind))
                .map(e -> e.path("detail").asText())
                .toList();
    }

    /** An access's manual and failed products, ended by hand (the broken one skipped, the manual one done). */
    private void finishByHand(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode products = get("/v1/requests/" + id, "ops").json().path("products");
            return StreamSupport.stream(products.spliterator(), false)
                    .anyMatch(p -> p.path("product").asText().equals("content")
                            && p.path("status").asText().equals("FAILED"));
        });
        assertThat(post("/v1/requests/" + id + "/products/legacy/complete", REASON, "ops2")
                        .status())
                .isEqualTo(200);
        assertThat(post("/v1/requests/" + id + "/products/content/skip", REASON, "ops2")
                        .status())
                .isEqualTo(200);
    }

    private void awaitCallbacks(String id, int count) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> agent.callbacksFor(id).size() >= count);
    }
}
