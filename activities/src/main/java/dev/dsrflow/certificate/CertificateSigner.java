package dev.dsrflow.certificate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/** Signs deletion evidence into a certificate document (see {@link CertificateVerifier}). */
public final class CertificateSigner {
    private final byte[] secret;
    private final String keyId;

    /**
     * @param secret HMAC key, at least 32 bytes (configuration: {@code dsrflow.certificate.secret})
     * @param keyId names the key, so verifiers can pick the right one after a rotation
     */
    public CertificateSigner(byte[] secret, String keyId) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("certificate secret must have at least 32 bytes");
        }
        this.secret = secret.clone();
        this.keyId = keyId;
    }

    /** The signed certificate document, as JSON. */
    public String sign(DeletionEvidence evidence) {
        try {
            byte[] payload = CertificateFormat.JSON.writeValueAsBytes(evidence);
            String signedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
            ObjectNode doc = CertificateFormat.JSON.createObjectNode();
            doc.put("format", CertificateFormat.FORMAT);
            doc.put("alg", CertificateFormat.ALG);
            doc.put("keyId", keyId);
            doc.set("evidence", CertificateFormat.JSON.readTree(payload));
            doc.put("signedPayload", signedPayload);
            doc.put(
                    "signature",
                    Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(CertificateFormat.mac(secret, signedPayload)));
            return CertificateFormat.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write certificate", e);
        }
    }
}
