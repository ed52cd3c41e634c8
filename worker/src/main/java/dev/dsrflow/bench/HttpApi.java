package dev.dsrflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** dsrflow's HTTP API as a client sees it, with HTTP Basic auth; every call is timed. */
final class HttpApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String base;
    private final String authorization;

    HttpApi(int port, String user, String password) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.base = "http://localhost:" + port;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One answer: HTTP status, body, and how long the call took. */
    record Answer(int status, String body, long nanos) {
        /** The body as JSON (a missing node when there is none). */
        JsonNode json() {
            if (body == null || body.isBlank()) {
                return JSON.missingNode();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("the API answered " + status + " with a body that is not JSON", e);
            }
        }

        String id() {
            return text("id");
        }

        /** The request's top-level status. */
        String requestStatus() {
            return text("status");
        }

        /** When the workflow completed the request (its own clock: this machine's), or null. */
        Instant completedAt() {
            String v = text("completedAt");
            return v == null ? null : Instant.parse(v);
        }

        String subjectKey() {
            return text("subjectKey");
        }

        private String text(String field) {
            JsonNode v = json().path(field);
            return v.isTextual() ? v.asText() : null;
        }
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer get(String path, boolean authenticated) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authenticated) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), System.nanoTime() - t0);
    }
}
