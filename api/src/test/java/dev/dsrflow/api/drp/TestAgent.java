package dev.dsrflow.api.drp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An authorized agent as the tests play it, written apart from dsrflow's DRP code: its own
 * Ed25519 key pair (the JDK's), its own signing (signature || JSON, base64, as libsodium's
 * combined mode does), its own HTTP client, and its own small HTTP server that receives status
 * callbacks and answers 200.
 */
final class TestAgent implements AutoCloseable {
    static final String BUSINESS = "DSRFLOW_TEST_CB";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String id;
    private final KeyPair keys;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer callbacks;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    /** Callbacks to /drp/flaky: the first is answered 503, the later ones 200. */
    final java.util.concurrent.atomic.AtomicInteger flakyHits = new java.util.concurrent.atomic.AtomicInteger();

    final List<JsonNode> flakyAccepted = new CopyOnWriteArrayList<>();
    /** Callbacks to /drp/moved, each answered with a redirect to /drp/status. */
    final java.util.concurrent.atomic.AtomicInteger movedHits = new java.util.concurrent.atomic.AtomicInteger();

    String base;
    String token;

    TestAgent(String id) {
        this.id = id;
        try {
            this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32-byte public key in hex, as the service directory lists it: the tail of its X.509 form. */
    String verifyKeyHex() {
        byte[] spki = keys.getPublic().getEncoded();
        return HexFormat.of().formatHex(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /** Starts the callback receiver on the loopback address (the kernel picks the port as it binds). */
    String startCallbackServer() {
        try {
            callbacks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        callbacks.createContext("/drp/status", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(JSON.readTree(body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        callbacks.createContext("/drp/flaky", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean first = flakyHits.incrementAndGet() == 1;
            if (!first) {
                flakyAccepted.add(JSON.readTree(body));
            }
            exchange.sendResponseHeaders(first ? 503 : 200, -1);
            exchange.close();
        });
        callbacks.createContext("/drp/moved", exchange -> {
            exchange.getRequestBody().readAllBytes();
            movedHits.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/drp/status");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        callbacks.start();
        return "http://127.0.0.1:" + callbacks.getAddress().getPort() + "/drp/status";
    }

    /** The callbacks received for a request, in the order they arrived. */
    List<JsonNode> callbacksFor(String requestId) {
        return received.stream()
                .filter(c -> requestId.equals(c.path("request_id").asText()))
                .toList();
    }

    /** The envelope every signed message starts with, valid for five minutes from now. */
    ObjectNode envelope() {
        Instant now = Instant.now();
        ObjectNode m = JSON.createObjectNode();
        m.put("agent-id", id);
        m.put("business-id", BUSINESS);
        m.put("issued-at", now.toString());
        m.put("expires-at", now.plus(Duration.ofMinutes(5)).toString());
        m.put("drp.version", "0.9.4");
        return m;
    }

    /** An exercise request for this e-mail address. */
    ObjectNode exercise(String right, String email, String callback) {
        ObjectNode m = envelope();
        m.put("exercise", right);
        m.put("regime", "ccpa");
        m.put("agent-request-id", "ar-" + java.util.UUID.randomUUID());
        if (callback != null) {
            m.put("status_callback", callback);
        }
        m.put("name", "A Test Person");
        m.put("email", email);
        m.put("email_verified", true);
        return m;
    }

    String sign(JsonNode message) {
        return sign(message, keys);
    }

    static String sign(JsonNode message, KeyPair with) {
        try {
            byte[] json = JSON.writeValueAsBytes(message);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(with.getPrivate());
            signer.update(json);
            byte[] signature = signer.sign();
            byte[] combined = new byte[signature.length + json.length];
            System.arraycopy(signature, 0, combined, 0, signature.length);
            System.arraycopy(json, 0, combined, signature.length, json.length);
            return Base64.getEncoder().encodeToString(combined);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    KeyPair keys() {
        return keys;
    }

    /** An HTTP answer. */
    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** Pair-wise key setup; keeps the token. */
    Reply setUp() {
        Reply r = send("POST", "/v1/agent/" + id, sign(envelope()), null);
        if (r.status() == 200) {
            token = r.json().path("token").asText();
        }
        return r;
    }

    Reply send(String method, String path, String signedBody, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (signedBody != null) {
            b.header("Content-Type", "text/plain");
            b.method(method, HttpRequest.BodyPublishers.ofString(signedBody, StandardCharsets.US_ASCII));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply file(JsonNode message) {
        return send("POST", "/v1/data-rights-request", sign(message), token);
    }

    Reply status(String requestId) {
        return send("GET", "/v1/data-rights-request/" + requestId, null, token);
    }

    Reply revoke(String requestId, String reason) {
        ObjectNode m = JSON.createObjectNode();
        m.put("reason", reason);
        return send("DELETE", "/v1/data-rights-request/" + requestId, sign(m), token);
    }

    Reply get(String url) {
        return send("GET", URI.create(url).getPath(), null, token);
    }

    @Override
    public void close() {
        if (callbacks != null) {
            callbacks.stop(0);
        }
    }
}
