package dev.dsrflow.api.drp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsrflow.api.ApiTestSupport;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A deletion an authorized agent files runs to its end like any other: four-eyes approval by
 * privacy-ops, the grace period (one second here), erasure, the certificate; the agent is told
 * {@code fulfilled}. DRP requests here cover only the messaging product; the agent is known from
 * a service-directory {@code agents.json}.
 */
@MicronautTest
class DrpDeletionTest extends ApiTestSupport {
    private static final String SUBJECT = "user0077@example.com";

    private final TestAgent agent = new TestAgent("CR_AA");
    private String callbackUrl;

    @Inject
    EmbeddedServer server;

    @Override
    protected List<String> identifiersNeverLogged() {
        return List.of(SUBJECT, "u-0077");
    }

    @Override
    public Map<String, String> getProperties() {
        callbackUrl = agent.startCallbackServer();
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("dsrflow.drp.business-id", TestAgent.BUSINESS);
        // the agent comes from a service-directory agents.json (base64 key); configuration adds its domains
        p.put("dsrflow.drp.agents-file", agentsFile().toString());
        p.put("dsrflow.drp.agents.cr.agent-id", "CR_AA");
        p.put("dsrflow.drp.agents.cr.callback-domains", "127.0.0.1");
        p.put("dsrflow.drp.allow-loopback-http", "true");
        p.put("dsrflow.drp.poll-interval", "100ms");
        p.put("dsrflow.drp.products", "messaging");
        p.put("dsrflow.policy.grace-period", "1s");
        return p;
    }

    private Path agentsFile() {
        ObjectNode entry = new ObjectMapper().createObjectNode();
        entry.put("id", "CR_AA");
        entry.put("name", "Test Agent");
        entry.put(
                "verify_key", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(agent.verifyKeyHex())));
        entry.put("web_url", "https://agent.example");
        entry.put("technical_contact", "tech@agent.example");
        try {
            Path file = Files.createTempFile("agents", ".json");
            Files.writeString(
                    file, new ObjectMapper().createArrayNode().add(entry).toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopAgent() {
        agent.close();
    }

    @Test
    void aDeletionCompletesAndTheAgentIsToldItIsFulfilled() {
        agent.base = server.getURL().toString();
        assertThat(agent.setUp().status()).isEqualTo(200);
        TestAgent.Reply filed = agent.file(agent.exercise("deletion", SUBJECT, callbackUrl));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        String id = filed.json().path("request_id").asText();
        awaitStatus(id, "AWAITING_APPROVAL");
        // four eyes: the agent filed it, privacy-ops approve it
        assertThat(post("/v1/requests/" + id + "/approve", "{\"reason\": \"checked\"}", "ops")
                        .status())
                .isEqualTo(200);
        awaitStatus(id, "COMPLETED");
        assertThat(get("/v1/requests/" + id, "ops").json().path("certificate").isNull())
                .isFalse();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> agent.callbacksFor(id).stream()
                        .anyMatch(c -> c.path("status").asText().equals("fulfilled")));
        List<JsonNode> callbacks = agent.callbacksFor(id);
        assertThat(callbacks).extracting(c -> c.path("status").asText()).containsExactly("in_progress", "fulfilled");
        JsonNode fulfilled = callbacks.get(1);
        assertThat(fulfilled.has("results_url")).isFalse();
        assertThat(fulfilled.path("expires_at").asText()).isNotEmpty();
        assertThat(agent.status(id).json()).isEqualTo(fulfilled);
        assertThat(agent.revoke(id, "too late").status()).isEqualTo(409);

        JsonNode history = get("/v1/requests/" + id + "/history", "auditor").json();
        assertThat(StreamSupport.stream(history.path("events").spliterator(), false)
                        .filter(e -> e.path("kind").asText().equals("APPROVED"))
                        .map(e -> e.path("actor").asText())
                        .toList())
                .containsExactly("ops");
        assertThat(history.path("events").get(0).path("actor").asText()).isEqualTo("drp:CR_AA");
    }
}
