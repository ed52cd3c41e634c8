package dev.dsrflow.api.drp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import dev.dsrflow.api.ApiTestSupport;
import dev.dsrflow.api.testing.Mails;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A business that does not rely on the agent's verification: the agent's request waits as
 * {@code in_progress}/{@code need_user_verification} with a {@code user_verification_url} that
 * opens the privacy center's code entry; the person types the code mailed to them and the request
 * runs to {@code fulfilled}.
 */
@MicronautTest
class DrpUserVerificationTest extends ApiTestSupport {
    private static final String SUBJECT = "user0042@example.com";

    private final TestAgent agent = new TestAgent("CR_AA");
    private String callbackUrl;

    @Inject
    EmbeddedServer server;

    @Inject
    GreenMail smtp;

    @Override
    protected List<String> identifiersNeverLogged() {
        return List.of(SUBJECT);
    }

    @Override
    public Map<String, String> getProperties() {
        callbackUrl = agent.startCallbackServer();
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("dsrflow.drp.business-id", TestAgent.BUSINESS);
        p.put("dsrflow.drp.agents.tester.agent-id", "CR_AA");
        p.put("dsrflow.drp.agents.tester.verify-key", agent.verifyKeyHex());
        p.put("dsrflow.drp.agents.tester.callback-domains", "127.0.0.1");
        p.put("dsrflow.drp.allow-loopback-http", "true");
        p.put("dsrflow.drp.poll-interval", "100ms");
        p.put("dsrflow.drp.rely-on-agent-verification", "false");
        p.put("dsrflow.drp.products", "messaging"); // automated: the access ends without an operator
        return p;
    }

    @AfterAll
    void stopAgent() {
        agent.close();
    }

    @Test
    void theAgentsRequestWaitsForThePersonToConfirmTheirAddressThenRunsToFulfilled() {
        agent.base = server.getURL().toString();
        assertThat(agent.setUp().status()).isEqualTo(200);
        TestAgent.Reply filed = agent.file(agent.exercise("access", SUBJECT, callbackUrl));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        String id = filed.json().path("request_id").asText();
        awaitStatus(id, "AWAITING_VERIFICATION");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> agent.status(id).json().path("reason").asText().equals("need_user_verification"));
        JsonNode waiting = agent.status(id).json();
        assertThat(waiting.path("status").asText()).isEqualTo("in_progress");
        String verificationUrl = waiting.path("user_verification_url").asText();
        assertThat(verificationUrl).startsWith(agent.base).doesNotContain("user0042");
        URI link = URI.create(verificationUrl);
        Answer page = call(
                HttpRequest.GET(link.getRawPath() + "?" + link.getRawQuery()).accept(MediaType.TEXT_HTML_TYPE));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Enter your code").contains("value=\"" + id + "\"");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !Mails.to(smtp.getReceivedMessages(), SUBJECT).isEmpty());
        String code = Mails.code(Mails.to(smtp.getReceivedMessages(), SUBJECT).get(0));
        Answer verified = post("/v1/subject-requests/" + id + "/verify", "{\"code\": \"" + code + "\"}", null);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);

        awaitStatus(id, "COMPLETED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> agent.callbacksFor(id).stream()
                        .anyMatch(c -> c.path("status").asText().equals("fulfilled")));
        assertThat(agent.callbacksFor(id))
                .as("the agent heard of the wait for the person, then of the result")
                .anySatisfy(c -> assertThat(c.path("reason").asText()).isEqualTo("need_user_verification"));
    }
}
