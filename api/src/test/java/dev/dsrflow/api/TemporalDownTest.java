package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With Temporal unreachable: an accepted request is still never lost (201, the ledger row stays
 * RECEIVED for the re-driver), health says DOWN, actions answer 503, and no log line carries a
 * subject identifier.
 */
@MicronautTest
class TemporalDownTest extends ApiTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("test.temporal-down", "true");
        return properties;
    }

    @Test
    void filingWhileTemporalIsDownStillAnswers201AndLeavesTheRequestReceived() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        String id;
        try {
            Answer a = post("/v1/requests", filing("DELETION"), "ops");
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            id = a.json().path("id").asText();
            assertThat(a.json().path("status").asText()).isEqualTo("RECEIVED");
        } finally {
            root.detachAppender(logs);
        }
        assertThat(count("select count(*) from ledger.requests where id = '" + id + "' and status = 'RECEIVED'"))
                .isEqualTo(1);
        assertThat(logs.list)
                .anySatisfy(
                        e -> assertThat(e.getFormattedMessage()).contains(id).contains("RECEIVED"));
        assertThat(logs.list)
                .allSatisfy(e -> assertThat(e.getFormattedMessage() + e.getThrowableProxy())
                        .doesNotContain(SUBJECT_EMAIL)
                        .doesNotContain(SUBJECT_USER));
    }

    @Test
    void healthIsDownWhenTemporalDoesNotAnswer() {
        Answer a = get("/health", null);
        assertThat(a.status()).isEqualTo(503);
        JsonNode health = a.json();
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("components").path("temporal").asText()).isEqualTo("DOWN");
        assertThat(health.path("components").path("ledger").asText()).isEqualTo("UP");
    }

    @Test
    void theProcessStaysLiveButNotReadyWhileTemporalDoesNotAnswer() {
        Answer readiness = get("/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().path("components").path("temporal").asText())
                .isEqualTo("DOWN");
        Answer liveness = get("/health/liveness", null);
        assertThat(liveness.status())
                .as("an outage of Temporal must not restart every pod")
                .isEqualTo(200);
        assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void actionsAnswer503WhileTemporalIsDown() {
        Answer filed = post("/v1/requests", filing("DELETION"), "ops");
        String id = filed.json().path("id").asText();
        post("/v1/requests/" + id + "/approve", null, "ops2").problem(503);
    }
}
