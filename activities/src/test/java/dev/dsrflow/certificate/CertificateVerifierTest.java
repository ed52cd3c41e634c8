package dev.dsrflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CertificateVerifierTest {
    private static final String SECRET_1 = b64("certificate-secret-one-of-32-bytes!");
    private static final String SECRET_2 = b64("certificate-secret-two-of-32-bytes!");
    private final DeletionEvidence evidence = new DeletionEvidence(
            "r-9",
            "sk-9",
            "GDPR",
            Instant.parse("2026-01-01T00:00:00Z"),
            "ops",
            "ops2",
            Instant.parse("2026-01-31T00:00:00Z"),
            Instant.parse("2026-01-31T00:05:00Z"),
            "set by the workflow",
            List.of(new ProductEvidence(
                    "content",
                    "DONE",
                    12,
                    0,
                    true,
                    1,
                    Instant.parse("2026-01-31T00:01:00Z"),
                    Instant.parse("2026-01-31T00:02:00Z"),
                    "content/1.0",
                    null)));

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String jws(String certificate) throws Exception {
        return EvidenceJson.MAPPER.readTree(certificate).get("jws").asText();
    }

    @Test
    void aCertificateIsAnEdDsaJwsWithAKidThatThePublicKeysAloneVerify() throws Exception {
        SigningKeys keys = SigningKeys.parse("k1:" + SECRET_1);
        String certificate = new CertificateSigner(keys).sign(evidence);

        JsonNode doc = EvidenceJson.MAPPER.readTree(certificate);
        assertThat(doc.get("keyId").asText()).isEqualTo("k1");
        JWSObject parsed = JWSObject.parse(doc.get("jws").asText());
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("k1");

        JWKSet published = JWKSet.parse(keys.publicKeys().toString());
        assertThat(published.containsNonPublicKeys()).isFalse();
        assertThat(((OctetKeyPair) published.getKeys().get(0)).getCurve().getName())
                .isEqualTo("Ed25519");
        CertificateVerifier.Verdict verdict = new CertificateVerifier(published).check(certificate);
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.evidence().requestId()).isEqualTo("r-9");
        assertThat(verdict.evidence().products().get(0).itemsErased()).isEqualTo(12);
        // the bare compact JWS verifies too
        assertThat(new CertificateVerifier(published).check(jws(certificate)).valid())
                .isTrue();
    }

    @Test
    void aChangedPayloadAnotherKeyOrGarbageDoNotVerify() throws Exception {
        String certificate = new CertificateSigner(SigningKeys.parse("k1:" + SECRET_1)).sign(evidence);
        String[] parts = jws(certificate).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forgedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("\"itemsErased\":12", "\"itemsErased\":13")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(forgedPayload).isNotEqualTo(parts[1]);
        JWKSet keys = SigningKeys.parse("k1:" + SECRET_1).publicKeys();
        CertificateVerifier.Verdict forged =
                new CertificateVerifier(keys).check(parts[0] + "." + forgedPayload + "." + parts[2]);
        assertThat(forged.valid()).isFalse();
        assertThat(forged.reason()).contains("signature does not match");

        CertificateVerifier otherKey =
                new CertificateVerifier(SigningKeys.parse("k1:" + SECRET_2).publicKeys());
        assertThat(otherKey.check(certificate).valid()).isFalse();
        assertThat(new CertificateVerifier(keys).check("{}").reason()).contains("not a certificate");
        assertThat(new CertificateVerifier(keys).check("not json").valid()).isFalse();
    }

    @Test
    void certificatesSignedBeforeARotationStillVerifyWithTheRetiredKey() {
        String before = new CertificateSigner(SigningKeys.parse("k1:" + SECRET_1)).sign(evidence);
        SigningKeys rotated = SigningKeys.parse("k2:" + SECRET_2 + ",k1:" + SECRET_1);
        String after = new CertificateSigner(rotated).sign(evidence);

        assertThat(rotated.keyId()).isEqualTo("k2");
        assertThat(after).contains("\"keyId\":\"k2\"");
        CertificateVerifier verifier = new CertificateVerifier(rotated.publicKeys());
        assertThat(verifier.check(before).valid()).isTrue();
        assertThat(verifier.check(after).valid()).isTrue();
        // once the retired key is dropped from the JWKS, its certificates no longer verify
        assertThat(new CertificateVerifier(SigningKeys.parse("k2:" + SECRET_2).publicKeys())
                        .check(before)
                        .reason())
                .contains("key k1 is not among the published");
    }

    @Test
    void aJwsOfAnotherAlgorithmOrTypeIsRefusedEvenWithTheRightKid() throws Exception {
        SigningKeys keys = SigningKeys.parse("k1:" + SECRET_1);
        byte[] payload = EvidenceJson.MAPPER.writeValueAsBytes(evidence);
        JWSObject hmac = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID("k1")
                        .type(new JOSEObjectType(SignedEvidence.CERTIFICATE_TYPE))
                        .build(),
                new Payload(payload));
        hmac.sign(new MACSigner("a-shared-secret-of-at-least-32-bytes!!"));
        CertificateVerifier verifier = new CertificateVerifier(keys.publicKeys());
        assertThat(verifier.check(hmac.serialize()).reason()).contains("is not EdDSA");

        String head = keys.sign(SignedEvidence.LEDGER_HEAD_TYPE, payload);
        assertThat(verifier.check(head).reason()).contains("expected " + SignedEvidence.CERTIFICATE_TYPE);
    }

    @Test
    void theCertificateNamesTheVersionOfTheBuildThatSignedIt() throws Exception {
        Matcher version = Pattern.compile("<artifactId>dsrflow</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("../pom.xml")));
        assertThat(version.find()).isTrue();
        DeletionEvidence signed = new CertificateVerifier(SECRET_1.getBytes(StandardCharsets.UTF_8))
                .verify(new CertificateSigner(SECRET_1.getBytes(StandardCharsets.UTF_8), "k1").sign(evidence))
                .orElseThrow();
        assertThat(signed.orchestratorVersion()).isEqualTo("dsrflow " + version.group(1));
    }
}
