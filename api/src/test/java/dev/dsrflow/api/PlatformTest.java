package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.ledger.DownloadInfo;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.packaging.PackageLayout;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Packages, the product catalogue, health and the OpenAPI document. */
@MicronautTest
class PlatformTest extends ApiTestSupport {
    private static final byte[] ZIP = "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);

    @Inject
    BlobStore blobs;

    @Inject
    DownloadLinks tokens;

    private String download(RequestType type) {
        return fixtures()
                .insert(new LedgerFixtures.Row(
                        type,
                        RequestStatus.IN_PROGRESS,
                        Jurisdiction.GDPR,
                        new SubjectIdentifiers("u-pkg", null, null),
                        Instant.now(),
                        null,
                        List.of("content"),
                        null,
                        "ops"));
    }

    /** A DOWNLOAD request whose package is stored and linked; returns {id, token}. */
    private String[] readyPackage(Instant expiresAt, boolean purged) throws Exception {
        String id = download(RequestType.DOWNLOAD);
        String token = tokens.issue(id, expiresAt);
        fixtures()
                .recordDownload(
                        id, 2, RequestType.DOWNLOAD, new DownloadInfo(token, expiresAt, "ab12", ZIP.length, purged));
        try (OutputStream out = blobs.create(PackageLayout.packageKey(id))) {
            out.write(ZIP);
        }
        return new String[] {id, token};
    }

    private HttpResponse<byte[]> fetch(String path, String user) {
        HttpRequest<?> request =
                user == null ? HttpRequest.GET(path) : HttpRequest.GET(path).basicAuth(user, user);
        try {
            return http.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            throw new AssertionError(
                    e.getStatus() + " " + e.getResponse().getBody(String.class).orElse(""), e);
        }
    }

    @Test
    void privacyOpsDownloadAReadyPackageAndTheViewLinksIt() throws Exception {
        String[] pkg = readyPackage(Instant.now().plus(Duration.ofDays(4)), false);
        HttpResponse<byte[]> r = fetch("/v1/requests/" + pkg[0] + "/package", "ops");
        assertThat(r.getContentType())
                .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/zip"));
        assertThat(r.body()).isEqualTo(ZIP);
        assertThat(r.getHeaders().get("Content-Disposition")).contains("dsr-" + pkg[0] + ".zip");
        JsonNode download = get("/v1/requests/" + pkg[0], "ops").json().path("download");
        assertThat(download.path("url").asText()).isEqualTo("/v1/packages/" + pkg[1]);
        assertThat(download.path("bytes").asLong()).isEqualTo(ZIP.length);
        assertThat(download.path("sha256").asText()).isEqualTo("ab12");
    }

    @Test
    void onlyPrivacyOpsSeeTheLiveDownloadLinkInTheViewTheListAndTheCsv() throws Exception {
        String[] pkg = readyPackage(Instant.now().plus(Duration.ofDays(4)), false);
        String link = "/v1/packages/" + pkg[1];
        assertThat(get("/v1/requests/" + pkg[0], "ops").body()).contains(link);
        assertThat(get("/v1/requests?type=DOWNLOAD", "ops").body()).contains(link);
        assertThat(csv("ops")).contains(link);
        for (String user : List.of("auditor", "legal")) {
            Answer view = get("/v1/requests/" + pkg[0], user);
            JsonNode download = view.json().path("download");
            assertThat(download.path("url").isNull()).as(user).isTrue();
            assertThat(download.path("expiresAt").asText()).isNotEmpty();
            assertThat(download.path("sha256").asText()).isEqualTo("ab12");
            assertThat(download.path("bytes").asLong()).isEqualTo(ZIP.length);
            assertThat(view.body()).as(user).doesNotContain(pkg[1]);
            Answer list = get("/v1/requests?type=DOWNLOAD", user);
            assertThat(list.body()).as(user).contains("ab12").doesNotContain(pkg[1]);
            assertThat(csv(user)).as(user).contains("ab12").doesNotContain(pkg[1]);
        }
    }

    private String csv(String user) {
        Answer a = call(
                HttpRequest.GET("/v1/requests?type=DOWNLOAD").accept("text/csv").basicAuth(user, user));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.body();
    }

    @Test
    void theSubjectDownloadsByLinkWithoutCredentials() throws Exception {
        String[] pkg = readyPackage(Instant.now().plus(Duration.ofDays(4)), false);
        assertThat(fetch("/v1/packages/" + pkg[1], null).body()).isEqualTo(ZIP);
    }

    @Test
    void anExpiredLinkIs410() throws Exception {
        String[] pkg = readyPackage(Instant.now().minusSeconds(5), false);
        get("/v1/packages/" + pkg[1], null).problem(410);
        get("/v1/requests/" + pkg[0] + "/package", "ops").problem(410);
    }

    @Test
    void aPurgedPackageIs410() throws Exception {
        String[] pkg = readyPackage(Instant.now().plus(Duration.ofDays(1)), true);
        get("/v1/packages/" + pkg[1], null).problem(410);
        get("/v1/requests/" + pkg[0] + "/package", "ops").problem(410);
        assertThat(get("/v1/requests/" + pkg[0], "ops")
                        .json()
                        .path("download")
                        .path("url")
                        .isNull())
                .isTrue();
    }

    @Test
    void aReplacedLinkIs410AndAForgedOneIs404() throws Exception {
        String[] pkg = readyPackage(Instant.now().plus(Duration.ofDays(4)), false);
        String older = tokens.issue(pkg[0], Instant.now().plus(Duration.ofDays(3)));
        get("/v1/packages/" + older, null).problem(410);
        String forged = pkg[1].substring(0, pkg[1].length() - 2) + (pkg[1].endsWith("AA") ? "BB" : "AA");
        get("/v1/packages/" + forged, null).problem(404);
        get("/v1/packages/not-a-token", null).problem(404);
    }

    @Test
    void aPackageNotReadyIs409AndOtherTypesHaveNone() {
        String pending = download(RequestType.DOWNLOAD);
        get("/v1/requests/" + pending + "/package", "ops").problem(409);
        get("/v1/requests/" + download(RequestType.ACCESS) + "/package", "ops").problem(404);
        get("/v1/requests/no-such-request/package", "ops").problem(404);
    }

    @Test
    void onlyPrivacyOpsFetchPackagesByRequest() throws Exception {
        String[] pkg = readyPackage(Instant.now().plus(Duration.ofDays(4)), false);
        get("/v1/requests/" + pkg[0] + "/package", null).problem(401);
        get("/v1/requests/" + pkg[0] + "/package", "auditor").problem(403);
        get("/v1/requests/" + pkg[0] + "/package", "legal").problem(403);
    }

    @Test
    void theProductCatalogueShowsEachProductsQueueAndWorkerPresence() {
        Answer a = get("/v1/products", "product");
        assertThat(a.status()).isEqualTo(200);
        JsonNode products = a.json();
        List<String> ids = new ArrayList<>();
        products.forEach(p -> ids.add(p.path("id").asText()));
        assertThat(ids).containsExactly("content", "legacy", "messaging");
        JsonNode messaging = products.get(2);
        assertThat(messaging.path("displayName").asText()).isEqualTo("Messaging");
        assertThat(messaging.path("taskQueue").asText()).isEqualTo("dsr-product-messaging");
        assertThat(messaging.path("workerOnline").asBoolean()).isTrue();
        assertThat(messaging.path("automated").asBoolean()).isTrue();
        assertThat(messaging.path("categories").get(0).asText()).isEqualTo("MESSAGES");
        assertThat(messaging.path("capabilities")).hasSize(6);
        assertThat(products.get(1).path("workerOnline").asBoolean()).isFalse();
        assertThat(products.get(1).path("automated").asBoolean()).isFalse();

        for (String user : List.of("ops", "legal", "auditor")) {
            assertThat(get("/v1/products", user).status()).isEqualTo(200);
        }
        get("/v1/products", null).problem(401);
    }

    @Test
    void healthIsUpWithoutCredentialsWhenTemporalAndTheLedgerAnswer() {
        Answer a = get("/health", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("UP");
        assertThat(a.json().path("components").path("temporal").asText()).isEqualTo("UP");
        assertThat(a.json().path("components").path("ledger").asText()).isEqualTo("UP");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentHasEveryPathAndMethodOfTheContract() {
        Answer a = get("/openapi", null);
        assertThat(a.status()).isEqualTo(200);
        Map<String, Object> document = new Yaml().load(a.body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<String> documented = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        assertThat(documented)
                .contains(
                        "POST /v1/requests",
                        "GET /v1/requests",
                        "GET /v1/requests/{id}",
                        "POST /v1/requests/{id}/approve",
                        "POST /v1/requests/{id}/reject",
                        "POST /v1/requests/{id}/cancel",
                        "POST /v1/requests/{id}/extend",
                        "POST /v1/requests/{id}/products/{product}/retry",
                        "POST /v1/requests/{id}/products/{product}/complete",
                        "POST /v1/requests/{id}/products/{product}/skip",
                        "POST /v1/requests/{id}/renew",
                        "POST /v1/requests/{id}/release",
                        "GET /v1/requests/{id}/history",
                        "GET /v1/requests/{id}/history/temporal",
                        "GET /v1/requests/{id}/package",
                        "GET /v1/packages/{token}",
                        "GET /v1/products",
                        "GET /health");
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        assertThat(schemas).containsKeys("NewRequest", "Request", "RequestPage", "Problem", "History", "Product");
    }

    @Test
    void theOpenApiDocumentIsBrowsable() {
        Answer page = get("/openapi/ui", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("redoc").contains("/openapi/ui/dsrflow-1.yml");
        assertThat(get("/openapi/ui/dsrflow-1.yml", null).status()).isEqualTo(200);
        assertThat(get("/openapi/ui/res/redoc.standalone.js", null).status()).isEqualTo(200);
    }
}
