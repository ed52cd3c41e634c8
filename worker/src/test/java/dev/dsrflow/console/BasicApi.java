package dev.dsrflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The HTTP API with Basic credentials, for what a test sets up or checks outside the browser. */
final class BasicApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    BasicApi(String base) {
        this.base = base;
    }

    JsonNode get(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> answer =
                http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Files a request as this user and answers its id. */
    String file(String user, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                request("/v1/requests", user)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).path("id").asText();
    }

    void approve(String id, String user) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                request("/v1/requests/" + id + "/approve", user)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** Waits until the request reaches this status, and answers its view. */
    JsonNode awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> get("/v1/requests/" + id, "auditor"),
                        v -> status.equals(v.path("status").asText()));
    }

    /** Waits until one product of the request reaches this status, and answers the request's view. */
    JsonNode awaitProduct(String id, String product, String status) {
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> get("/v1/requests/" + id, "auditor"), v -> {
                    for (JsonNode p : v.path("products")) {
                        if (product.equals(p.path("product").asText())) {
                            return status.equals(p.path("status").asText());
                        }
                    }
                    return false;
                });
    }

    private HttpRequest.Builder request(String path, String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials);
    }
}
