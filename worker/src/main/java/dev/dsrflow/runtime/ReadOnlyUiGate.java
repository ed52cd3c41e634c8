package dev.dsrflow.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Temporal Web UI of the embedded dev server, read-only: auditors read workflows there and
 * never act ("auditors never act" holds in the UI too). {@code temporal server start-dev} has no
 * switch for the UI's {@code DisableWriteActions} and ignores its environment variable, so this gate
 * listens on the UI's public port, forwards reads to the UI on a loopback port of its own, answers
 * 403 to every write (terminate, cancel, signal, reset, update, batch and schedule changes: any
 * method but GET, HEAD and OPTIONS, except a workflow query, which reads), and tells the UI that
 * write actions are off, so it shows no button for them.
 */
final class ReadOnlyUiGate implements Closeable {
    /** The UI's settings, where it reads whether to offer write actions. */
    private static final String SETTINGS = "/api/v1/settings";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> HOP_BY_HOP =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "keep-alive");

    private static final byte[] REFUSAL = ("{\"message\":\"dsrflow serves the Temporal UI read-only:"
                    + " write actions are off (auditors read, operators act through dsrflow's API)\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient client;
    private final URI ui;
    private final ObjectMapper json = new ObjectMapper();

    private ReadOnlyUiGate(HttpServer server, ExecutorService threads, URI ui) {
        this.server = server;
        this.threads = threads;
        this.ui = ui;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Opens the gate on 127.0.0.1:{@code publicPort} in front of the UI on 127.0.0.1:{@code uiPort}. */
    static ReadOnlyUiGate open(int publicPort, int uiPort) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), publicPort), 64);
        ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "temporal-ui-gate");
            t.setDaemon(true);
            return t;
        });
        ReadOnlyUiGate gate = new ReadOnlyUiGate(server, threads, URI.create("http://127.0.0.1:" + uiPort));
        server.createContext("/", gate::handle);
        server.setExecutor(threads);
        server.start();
        return gate;
    }

    /** Whether a call only reads: GET, HEAD, OPTIONS, or a workflow query (a POST that changes nothing). */
    static boolean reads(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        return READS.contains(m) || m.equals("POST") && path.matches("/api/v1/namespaces/[^/]+/workflows/.+/query/.+");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!reads(exchange.getRequestMethod(), path)) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(403, REFUSAL.length);
                exchange.getResponseBody().write(REFUSAL);
                return;
            }
            HttpResponse<InputStream> answer;
            try {
                answer = client.send(forwarded(exchange), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            relay(exchange, path, answer);
        }
    }

    private HttpRequest forwarded(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        URI target = ui.resolve(exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(60))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            // uncompressed over loopback, so the settings can be read and rewritten
            if (!HOP_BY_HOP.contains(lower) && !lower.equals("accept-encoding")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return request.build();
    }

    private void relay(HttpExchange exchange, String path, HttpResponse<InputStream> answer) throws IOException {
        answer.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !lower.equals(":status")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        try (InputStream in = answer.body()) {
            if (path.equals(SETTINGS) && answer.statusCode() == 200) {
                byte[] settings = withoutWriteActions(in.readAllBytes());
                exchange.getResponseHeaders().remove("Content-Encoding");
                exchange.sendResponseHeaders(200, settings.length);
                exchange.getResponseBody().write(settings);
                return;
            }
            boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            long length = answer.headers().firstValueAsLong("content-length").orElse(0);
            exchange.sendResponseHeaders(answer.statusCode(), head || answer.statusCode() == 204 ? -1 : length);
            if (!head) {
                OutputStream out = exchange.getResponseBody();
                in.transferTo(out);
            }
        }
    }

    /** The UI's settings with write actions off, whatever the UI server said. */
    private byte[] withoutWriteActions(byte[] settings) throws IOException {
        ObjectNode node = (ObjectNode) json.readTree(settings);
        node.put("DisableWriteActions", true);
        return json.writeValueAsBytes(node);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
