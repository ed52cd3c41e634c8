package dev.dsrflow.certificate;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Signs deletion evidence into a {@link Certificate}: a JWS (EdDSA, Ed25519, with a {@code kid})
 * whose payload is the evidence, the orchestrator version taken from the build.
 */
public final class CertificateSigner {
    private final SigningKeys keys;

    public CertificateSigner(SigningKeys keys) {
        this.keys = keys;
    }

    /** A signer with the one key pair derived from {@code secret} (tests, single-key setups). */
    public CertificateSigner(byte[] secret, String keyId) {
        this(SigningKeys.of(keyId, secret));
    }

    /** The certificate document, as JSON: {@code {"jws": "…", "keyId": "…"}}. */
    public String sign(DeletionEvidence evidence) {
        DeletionEvidence stamped = new DeletionEvidence(
                evidence.requestId(),
                evidence.subjectKey(),
                evidence.jurisdiction(),
                evidence.receivedAt(),
                evidence.requestedBy(),
                evidence.approvedBy(),
                evidence.erasureStartedAt(),
                evidence.completedAt(),
                OrchestratorVersion.current(),
                evidence.products());
        try {
            String jws = keys.sign(SignedEvidence.CERTIFICATE_TYPE, EvidenceJson.MAPPER.writeValueAsBytes(stamped));
            return EvidenceJson.MAPPER.writeValueAsString(new Certificate(jws, keys.keyId()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write certificate", e);
        }
    }
}
