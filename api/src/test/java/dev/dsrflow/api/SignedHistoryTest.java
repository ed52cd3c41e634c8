package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.nimbusds.jose.jwk.JWKSet;
import dev.dsrflow.api.requests.FilingBody;
import dev.dsrflow.ledger.EventChain;
import dev.dsrflow.ledger.HistoryVerifier;
import dev.dsrflow.ledger.RequestFingerprint;
import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history answers its signed chain head; truncating or recomputing the chain is caught. */
@MicronautTest
class SignedHistoryTest extends ApiTestSupport {
    private static final SubjectIdentifiers SUBJECT = new SubjectIdentifiers("u-head", "head@example.com", null);

    @Inject
    RequestFingerprint fingerprint;

    @Override
    protected List<String> identifiersNeverLogged() {
        return List.of("head@example.com", "u-head", SUBJECT_EMAIL, SUBJECT_USER);
    }

    private String recorded() {
        return fixtures()
                .insert(new LedgerFixtures.Row(
                        RequestType.ACCESS,
                        RequestStatus.COMPLETED,
                        Jurisdiction.GDPR,
                        SUBJECT,
                        Instant.now().minus(Duration.ofDays(2)),
                        null,
                        List.of("messaging"),
                        null,
                        "ops"));
    }

    private JsonNode history(String id) {
        return get("/v1/requests/" + id + "/history", "auditor").json();
    }

    private void asAttacker(String sql) {
        execute("alter table ledger.request_events disable trigger request_events_no_update");
        try {
            execute(sql);
        } finally {
            execute("alter table ledger.request_events enable trigger request_events_no_update");
        }
    }

    @Test
    void theHistoryAnswersTheSignedHeadAndAnAuditorVerifiesItWithThePublishedKeysAlone() throws Exception {
        String id = recorded();
        Answer answer = get("/v1/requests/" + id + "/history", "auditor");
        JsonNode history = answer.json();
        assertThat(history.path("verified").asBoolean()).as(history.toString()).isTrue();
        assertThat(history.path("requestId").asText()).isEqualTo(id);
        assertThat(history.path("head").path("seq").asLong()).isEqualTo(3);
        assertThat(history.path("head").path("hash").asText())
                .isEqualTo(history.path("events").get(2).path("hash").asText());
        assertThat(history.path("head").path("jws").asText()).isNotBlank();

        JWKSet keys = JWKSet.parse(get("/v1/certificates/keys", null).body());
        HistoryVerifier.Verdict offline = new HistoryVerifier(keys).check(answer.body());
        assertThat(offline.valid()).as(offline.reason()).isTrue();
    }

    @Test
    void deletingTheLastEventsFromTheDatabaseIsCaught() {
        String id = recorded();
        asAttacker("delete from ledger.request_events where request_id = '" + id + "' and seq = 3");
        JsonNode history = history(id);
        assertThat(history.path("verified").asBoolean()).isFalse();
        assertThat(history.path("reason").asText()).contains("ends at event 2 but the signed head is at event 3");
    }

    @Test
    void rewritingAnEventAndRecomputingEveryHashAfterItIsCaught() {
        String id = recorded();
        List<StoredEvent> events = ledger.events(id);
        String prev = events.get(0).hash();
        for (StoredEvent e : events.subList(1, events.size())) {
            String detail = e.seq() == 3 ? "nothing found" : e.detail();
            String hash = EventChain.hash(prev, id, e.seq(), e.at(), e.actor(), e.kind(), e.product(), detail);
            asAttacker("update ledger.request_events set detail = '" + detail + "', prev_hash = '" + prev
                    + "', hash = '" + hash + "' where request_id = '" + id + "' and seq = " + e.seq());
            prev = hash;
        }
        execute("update ledger.requests set head_hash = '" + prev + "' where id = '" + id + "'");
        assertThat(EventChain.verify(id, ledger.events(id)))
                .as("the rewritten chain is consistent")
                .isTrue();

        JsonNode history = history(id);
        assertThat(history.path("verified").asBoolean()).isFalse();
        assertThat(history.path("reason").asText()).contains("recomputed");
    }

    @Test
    void theIdempotencyFingerprintIsAnHmacNotADigestOfTheIdentifiers() throws Exception {
        String body = filing("ACCESS");
        Answer filed = call(HttpRequest.POST("/v1/requests", body)
                .contentType("application/json")
                .header("Idempotency-Key", "evidence-1")
                .basicAuth("ops", "ops"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        String stored;
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("select request_hash from ledger.requests where id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                stored = rs.getString(1);
            }
        }
        ObjectMapper canonical = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        byte[] canonicalBody =
                canonical.writeValueAsBytes(canonical.valueToTree(canonical.readValue(body, FilingBody.class)));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("ops".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        assertThat(stored)
                .as("a bare digest would let anyone who guesses the identifiers confirm them")
                .isNotEqualTo(HexFormat.of().formatHex(sha.digest(canonicalBody)))
                .isEqualTo(fingerprint.of("ops", canonicalBody));
    }
}
