package dev.dsrflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dsrflow's HTTP API as a client sees it, with HTTP Basic auth; every call is timed. */
final class HttpApi {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern COMPLETED_AT = Pattern.compile("\"completedAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SUBJECT_KEY = Pattern.compile("\"subjectKey\"\\s*:\\s*\"([^\"]+)\"");

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
        String id() {
            return first(ID, body);
        }

        /** The request's top-level status (the first "status" in the view). */
        String requestStatus() {
            return first(STATUS, body);
        }

        /** When the workflow completed the request (its own clock: this machine's), or null. */
        java.time.Instant completedAt() {
            String v = first(COMPLETED_AT, body);
            return v == null ? null : java.time.Instant.parse(v);
        }

        String subjectKey() {
            return first(SUBJECT_KEY, body);
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

    static String first(Pattern p, String body) {
        if (body == null) {
            return null;
        }
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : null;
    }
}
