package dev.dsrflow.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsrflow.ledger.EventChain;
import dev.dsrflow.runtime.Dsrflow;
import dev.dsrflow.runtime.LocalPorts;
import dev.dsrflow.runtime.ProcessRole;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's offline check on a certificate and a history that the default runtime produced
 * for a real deletion, with only the published keys; and on tampered copies of them.
 */
class OfflineVerifyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Dsrflow dsrflow;
    private static HttpClient http = HttpClient.newHttpClient();
    private static String base;
    private static Path keys;
    private static Path certificate;
    private static Path history;

    @BeforeAll
    static void aCompletedDeletion() throws Exception {
        dsrflow = Dsrflow.start(
                ProcessRole.ALL,
                Map.of(),
                Map.of(
                        "dsrflow.data-dir", dir.resolve("data").toString(),
                        "dsrflow.embedded.temporal-port", LocalPorts.next(),
                        "micronaut.server.port", LocalPorts.next(),
                        "dsrflow.deletion.grace-period", "PT1S"));
        base = "http://localhost:" + dsrflow.httpPort();
        String id = JSON.readTree(call("POST", "/v1/requests", "ops", """
                        {"type":"DELETION","subject":{"userId":"u-0042"},"jurisdiction":"GDPR",
                         "products":["profile","messaging"]}"""))
                .get("id")
                .asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> status(id).equals("AWAITING_APPROVAL"));
        call("POST", "/v1/requests/" + id + "/approve", "ops2", "{}");
        await().atMost(Duration.ofSeconds(90)).until(() -> status(id).equals("COMPLETED"));

        keys = write("keys.json", call("GET", "/v1/certificates/keys", null, null));
        certificate = write(
                "certificate.json",
                JSON.readTree(call("GET", "/v1/requests/" + id, "ops", null))
                        .get("certificate")
                        .toString());
        history = write("history.json", call("GET", "/v1/requests/" + id + "/history", "auditor", null));
    }

    @AfterAll
    static void stop() {
        if (dsrflow != null) {
            dsrflow.close();
        }
    }

    private record Outcome(int exitCode, String line) {}

    private static Outcome verify(Path file, Path keyFile) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerifyCommand.run(
                new String[] {file.toString(), "--keys", keyFile.toString()},
                new PrintWriter(out),
                new PrintWriter(err));
        return new Outcome(code, (out + err.toString()).trim());
    }

    @Test
    void theCertificateAndTheHistoryOfARealDeletionVerifyWithThePublishedKeysAlone() throws Exception {
        assertThat(Files.readString(keys)).doesNotContain("\"d\"");
        Outcome cert = verify(certificate, keys);
        assertThat(cert.exitCode()).as(cert.line()).isZero();
        assertThat(cert.line()).startsWith("VALID certificate").doesNotContain("\n");
        Outcome hist = verify(history, keys);
        assertThat(hist.exitCode()).as(hist.line()).isZero();
        assertThat(hist.line()).startsWith("VALID history").contains("chain intact");
    }

    @Test
    void aCertificateWithAChangedCountOrCheckedWithOtherKeysIsInvalid() throws Exception {
        JsonNode doc = JSON.readTree(Files.readString(certificate));
        String[] parts = doc.get("jws").asText().split("\\.");
        ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        ((ObjectNode) payload.get("products").get(0)).put("itemsErased", 0);
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload)) + "."
                + parts[2];
        Outcome outcome = verify(write("forged-certificate.json", "{\"jws\":\"" + forged + "\"}"), keys);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.line()).startsWith("INVALID certificate").contains("signature does not match");

        ObjectNode otherKeys = (ObjectNode) JSON.readTree(Files.readString(keys));
        ObjectNode key = (ObjectNode) otherKeys.get("keys").get(0);
        byte[] x = Base64.getUrlDecoder().decode(key.get("x").asText());
        x[0] ^= 1;
        key.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(x));
        assertThat(verify(certificate, write("other-keys.json", otherKeys.toString()))
                        .exitCode())
                .isEqualTo(1);
    }

    @Test
    void aTruncatedHistoryIsInvalid() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(history));
        ArrayNode events = (ArrayNode) doc.get("events");
        events.remove(events.size() - 1);
        Outcome outcome = verify(write("truncated-history.json", doc.toString()), keys);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.line()).startsWith("INVALID history").contains("but the signed head is at event");
    }

    @Test
    void aHistoryWithARewrittenEventIsInvalidWhetherOrNotItsHashesWereRecomputed() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(history));
        String requestId = doc.get("requestId").asText();
        ArrayNode events = (ArrayNode) doc.get("events");
        ((ObjectNode) events.get(1)).put("actor", "mallory");
        Outcome edited = verify(write("edited-history.json", doc.toString()), keys);
        assertThat(edited.exitCode()).isEqualTo(1);
        assertThat(edited.line()).contains("chain broken");

        String prev = EventChain.GENESIS;
        for (JsonNode e : events) {
            String hash = EventChain.hash(
                    prev,
                    requestId,
                    e.get("seq").asLong(),
                    Instant.parse(e.get("at").asText()),
                    e.get("actor").asText(),
                    e.get("kind").asText(),
                    e.get("product").isNull() ? null : e.get("product").asText(),
                    e.get("detail").isNull() ? null : e.get("detail").asText());
            ((ObjectNode) e).put("prevHash", prev).put("hash", hash);
            prev = hash;
        }
        ((ObjectNode) doc.get("head")).put("hash", prev);
        Outcome recomputed = verify(write("recomputed-history.json", doc.toString()), keys);
        assertThat(recomputed.exitCode()).isEqualTo(1);
        assertThat(recomputed.line()).contains("recomputed");
    }

    @Test
    void theJarsMainRunsTheCheckAndAnswersWithItsExitCode() throws Exception {
        assertThat(runMain(certificate.toString(), "--keys", keys.toString())).isZero();
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(history));
        ((ArrayNode) doc.get("events")).remove(0);
        assertThat(runMain(write("no-first-event.json", doc.toString()).toString(), "--keys", keys.toString()))
                .isEqualTo(1);
        assertThat(runMain(certificate.toString()))
                .as("no --keys is a usage error")
                .isEqualTo(2);
    }

    private static int runMain(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Dsrflow.class.getName(),
                "verify"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        dir.resolve("main-" + System.nanoTime() + ".log").toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static String status(String id) throws Exception {
        return JSON.readTree(call("GET", "/v1/requests/" + id, "ops", null))
                .path("status")
                .asText();
    }

    private static String call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isLessThan(300);
        return response.body();
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
