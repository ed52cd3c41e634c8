package dev.dsrflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateVerifierTest {
    private static final byte[] SECRET = "certificate-secret-of-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private final DeletionEvidence evidence = new DeletionEvidence(
            "r-9",
            "sk-9",
            "GDPR",
            Instant.parse("2026-01-01T00:00:00Z"),
            "ops",
            "ops2",
            Instant.parse("2026-01-31T00:00:00Z"),
            Instant.parse("2026-01-31T00:05:00Z"),
            "dsrflow-deletion/1",
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

    @Test
    void aSignedCertificateVerifiesAndSaysWhatWasSigned() {
        String cert = new CertificateSigner(SECRET, "k1").sign(evidence);
        assertThat(cert).contains("\"itemsErased\" : 12").contains("\"keyId\" : \"k1\"");
        assertThat(new CertificateVerifier(SECRET).verify(cert)).contains(evidence);
    }

    @Test
    void editingTheReadableEvidenceOrTheSignatureBreaksVerification() {
        String cert = new CertificateSigner(SECRET, "k1").sign(evidence);
        assertThat(new CertificateVerifier(SECRET).verify(cert.replace("\"itemsErased\" : 12", "\"itemsErased\" : 13")))
                .isEmpty();
        assertThat(new CertificateVerifier("another-secret-of-32-bytes-long!".getBytes(StandardCharsets.UTF_8))
                        .verify(cert))
                .isEmpty();
        assertThat(new CertificateVerifier(SECRET).verify("{}")).isEmpty();
        assertThat(new CertificateVerifier(SECRET).verify("not json")).isEmpty();
    }
}
