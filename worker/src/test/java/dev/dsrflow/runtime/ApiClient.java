package dev.dsrflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for driving a running dsrflow the way curl would. */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status, parsed JSON body (or null), raw body and headers. */
    record Answer(int status, JsonNode body, String raw, HttpHeaders headers) {}

    Answer get(String path, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user);
    }

    Answer post(String path, String user, String json) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                user);
    }

    /** A browser's CORS preflight of a POST from {@code origin}. */
    Answer options(String path, String origin) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type, x-namespace")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                null);
    }

    private Answer send(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        String raw = response.body();
        JsonNode body = null;
        if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
            body = JSON.readTree(raw);
        }
        return new Answer(response.statusCode(), body, raw, response.headers());
    }
}
