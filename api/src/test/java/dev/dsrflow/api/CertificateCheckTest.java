package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.certificate.CertificateSigner;
import dev.dsrflow.certificate.DeletionEvidence;
import dev.dsrflow.certificate.ProductEvidence;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@MicronautTest
class CertificateCheckTest extends ApiTestSupport {
    @Inject
    @Value("${dsrflow.secrets.link-secret}")
    String linkSecret;

    private String certificate() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        DeletionEvidence evidence = new DeletionEvidence(
                "r-1",
                "sk-1",
                "GDPR",
                t,
                "ops",
                "ops2",
                t,
                t.plusSeconds(60),
                "1",
                List.of(new ProductEvidence(
                        "messaging", "DONE", 12, 0, true, 1, t, t.plusSeconds(30), "demo-1", null)));
        return new CertificateSigner(Base64.getDecoder().decode(linkSecret), "link-1").sign(evidence);
    }

    @Test
    void anAuditorConfirmsAGenuineCertificateAndSeesWhatItAttests() throws Exception {
        Answer answer = post("/v1/certificates/verify", certificate(), "auditor");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode check = answer.json();
        assertThat(check.get("valid").asBoolean()).isTrue();
        assertThat(check.path("evidence")
                        .path("products")
                        .get(0)
                        .path("itemsErased")
                        .asLong())
                .isEqualTo(12);
    }

    @Test
    void aCertificateWithAChangedCountIsNotValid() throws Exception {
        String forged = certificate().replaceFirst("\"itemsErased\" ?: ?12", "\"itemsErased\" : 120");
        assertThat(forged).isNotEqualTo(certificate());
        assertThat(post("/v1/certificates/verify", forged, "auditor")
                        .json()
                        .get("valid")
                        .asBoolean())
                .isFalse();
        assertThat(post("/v1/certificates/verify", "{\"not\":\"a certificate\"}", "ops")
                        .json()
                        .get("valid")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void checkingNeedsCredentials() {
        assertThat(post("/v1/certificates/verify", certificate(), null).status())
                .isEqualTo(401);
    }
}
