package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.dsrflow.certificate.CertificateSigner;
import dev.dsrflow.certificate.CertificateVerifier;
import dev.dsrflow.certificate.DeletionEvidence;
import dev.dsrflow.certificate.ProductEvidence;
import dev.dsrflow.certificate.SigningKeys;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@MicronautTest
class CertificateCheckTest extends ApiTestSupport {
    /** The retired key of application-test.yml, as it signed before the rotation to cert-2. */
    private static final SigningKeys RETIRED =
            SigningKeys.parse("cert-1:Zm9yLXRlc3RzLW9ubHktYS1yZXRpcmVkLWtleS0zMmJ5dGVz");

    @Inject
    CertificateSigner signer;

    private static final DeletionEvidence EVIDENCE = evidence();

    private static DeletionEvidence evidence() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        return new DeletionEvidence(
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
    }

    @Test
    void anAuditorConfirmsAGenuineCertificateAndSeesWhatItAttests() {
        String certificate = signer.sign(EVIDENCE);
        assertThat(certificate).contains("\"keyId\":\"cert-2\"");
        Answer answer = post("/v1/certificates/verify", certificate, "auditor");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode check = answer.json();
        assertThat(check.get("valid").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.path("reason").asText()).contains("cert-2");
        assertThat(check.path("payload")
                        .path("products")
                        .get(0)
                        .path("itemsErased")
                        .asLong())
                .isEqualTo(12);
    }

    @Test
    void aCertificateWithAChangedPayloadIsNotValidAndSaysWhy() throws Exception {
        String jws = JSON.readTree(signer.sign(EVIDENCE)).get("jws").asText();
        String[] parts = jws.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace("\"itemsErased\":12", "\"itemsErased\":120")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        JsonNode check = post("/v1/certificates/verify", "{\"jws\": \"" + forged + "\"}", "auditor")
                .json();
        assertThat(check.get("valid").asBoolean()).isFalse();
        assertThat(check.get("reason").asText()).contains("signature does not match key cert-2");
        assertThat(check.get("payload").isNull()).isTrue();
    }

    @Test
    void aCertificateSignedWithTheRetiredKeyStillVerifies() {
        String old = new CertificateSigner(RETIRED).sign(EVIDENCE);
        JsonNode check = post("/v1/certificates/verify", old, "legal").json();
        assertThat(check.get("valid").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("reason").asText()).contains("cert-1");
    }

    @Test
    void anyoneGetsThePublicKeysWithoutCredentialsAndTheyAloneVerify() throws Exception {
        Answer keys = get("/v1/certificates/keys", null);
        assertThat(keys.status()).isEqualTo(200);
        JWKSet jwks = JWKSet.parse(keys.body());
        assertThat(jwks.containsNonPublicKeys()).isFalse();
        assertThat(keys.body()).doesNotContain("\"d\"");
        assertThat(jwks.getKeys()).extracting(k -> k.getKeyID()).containsExactly("cert-2", "cert-1");
        assertThat(keys.json().path("keys").get(0).path("kty").asText()).isEqualTo("OKP");
        assertThat(keys.json().path("keys").get(0).path("crv").asText()).isEqualTo("Ed25519");
        assertThat(new CertificateVerifier(jwks).check(signer.sign(EVIDENCE)).valid())
                .isTrue();
    }

    @Test
    void aBodyWithoutJwsIsA400NamingTheField() {
        Answer answer = post("/v1/certificates/verify", "{\"not\":\"a certificate\"}", "ops");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("jws");
    }

    @Test
    void theOpenApiDocumentListsTheKeysTheCheckAndTheProbes() {
        String document = get("/openapi", null).body();
        assertThat(document)
                .contains(
                        "/v1/certificates/keys:",
                        "/v1/certificates/verify:",
                        "/health/liveness:",
                        "/health/readiness:");
    }

    @Test
    void checkingNeedsCredentials() {
        assertThat(post("/v1/certificates/verify", signer.sign(EVIDENCE), null).status())
                .isEqualTo(401);
    }
}
