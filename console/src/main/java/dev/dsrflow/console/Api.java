package dev.dsrflow.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP API of this process, called on a person's behalf with their console session: every
 * read and every action of the console takes the same path as a curl call would (role checks,
 * four eyes, state checks, masking, problem documents), and the ledger records the person as
 * actor.
 */
@Singleton
public class Api {
    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    private final Provider<EmbeddedServer> server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    Api(Provider<EmbeddedServer> server) {
        this.server = server;
    }

    /** An answer as it came: status, content type and body. */
    public record Raw(int status, String contentType, byte[] body, String disposition) {}

    /** GET a JSON document; a refusal throws {@link ApiRefusal}. */
    public JsonNode get(ConsoleSession session, String path, Map<String, String> query) {
        return parse(send(session, "GET", path + queryString(query), null, "application/json", Map.of()));
    }

    /** GET anything (CSV, HTML, a zip): the answer as it came, refusals included. */
    public Raw fetch(ConsoleSession session, String path, Map<String, String> query, String accept) {
        return send(session, "GET", path + queryString(query), null, accept, Map.of());
    }

    /**
     * GET an answer of any size as a stream (the ledger's CSV export of every matching row):
     * nothing is held in memory; the caller closes the stream.
     */
    public HttpResponse<java.io.InputStream> stream(
            ConsoleSession session, String path, Map<String, String> query, String accept) {
        return exchange(
                session,
                "GET",
                path + queryString(query),
                null,
                accept,
                Map.of(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** POST a JSON body; a refusal throws {@link ApiRefusal}. */
    public JsonNode post(ConsoleSession session, String path, Object body) {
        return post(session, path, body, Map.of());
    }

    /** POST a JSON body with extra headers (an idempotency key); a refusal throws {@link ApiRefusal}. */
    public JsonNode post(ConsoleSession session, String path, Object body, Map<String, String> headers) {
        byte[] bytes;
        try {
            bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body", e);
        }
        return parse(send(session, "POST", path, bytes, "application/json", headers));
    }

    /** A new empty JSON object for a request body. */
    public ObjectNode object() {
        return json.createObjectNode();
    }

    /** Reads JSON text (for example a pasted certificate); null if it is not JSON. */
    public JsonNode readOrNull(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private Raw send(
            ConsoleSession session,
            String method,
            String pathAndQuery,
            byte[] body,
            String accept,
            Map<String, String> headers) {
        HttpResponse<byte[]> answer =
                exchange(session, method, pathAndQuery, body, accept, headers, HttpResponse.BodyHandlers.ofByteArray());
        return new Raw(
                answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(""),
                answer.body(),
                answer.headers().firstValue("Content-Disposition").orElse(null));
    }

    private <T> HttpResponse<T> exchange(
            ConsoleSession session,
            String method,
            String pathAndQuery,
            byte[] body,
            String accept,
            Map<String, String> headers,
            HttpResponse.BodyHandler<T> handler) {
        EmbeddedServer here = server.get();
        URI uri = URI.create(here.getScheme() + "://127.0.0.1:" + here.getPort() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", accept)
                .header("Cookie", ConsoleSessions.COOKIE + "=" + session.id());
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new ApiRefusal(503, "The API did not answer: " + e.getClass().getSimpleName(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiRefusal(503, "Interrupted while waiting for the API", List.of());
        }
    }

    private JsonNode parse(Raw raw) {
        JsonNode node = raw.body().length == 0 ? json.nullNode() : readBytes(raw.body());
        if (raw.status() >= 400) {
            throw refusal(raw.status(), node);
        }
        return node;
    }

    private JsonNode readBytes(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.nullNode();
        }
    }

    /** The API's problem document as a refusal the pages can show, field errors included. */
    static ApiRefusal refusal(int status, JsonNode problem) {
        String detail = problem.path("detail").asText("");
        if (detail.isBlank()) {
            detail = problem.path("title").asText("The API refused (HTTP " + status + ")");
        }
        List<ApiRefusal.FieldProblem> errors = new ArrayList<>();
        for (JsonNode e : problem.path("errors")) {
            errors.add(new ApiRefusal.FieldProblem(
                    e.path("field").asText(""), e.path("message").asText("")));
        }
        return new ApiRefusal(status, detail, errors);
    }

    private static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        String q = query.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return q.isEmpty() ? "" : "?" + q;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
