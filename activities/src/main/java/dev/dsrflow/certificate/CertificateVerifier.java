package dev.dsrflow.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks deletion certificates: the API's verify endpoint calls {@link #verify}; auditors can
 * run {@code java -cp dsrflow-activities.jar dev.dsrflow.certificate.CertificateVerifier
 * <base64-secret> <certificate.json>} (exit code 0 when valid).
 */
public final class CertificateVerifier {
    private final byte[] secret;

    public CertificateVerifier(byte[] secret) {
        this.secret = secret.clone();
    }

    /** The attested evidence when the certificate is authentic and consistent; empty otherwise. */
    public Optional<DeletionEvidence> verify(String certificate) {
        try {
            JsonNode doc = CertificateFormat.JSON.readTree(certificate);
            if (!CertificateFormat.FORMAT.equals(doc.path("format").asText())
                    || !CertificateFormat.ALG.equals(doc.path("alg").asText())) {
                return Optional.empty();
            }
            String signedPayload = doc.path("signedPayload").asText();
            byte[] signature =
                    Base64.getUrlDecoder().decode(doc.path("signature").asText());
            if (!MessageDigest.isEqual(signature, CertificateFormat.mac(secret, signedPayload))) {
                return Optional.empty();
            }
            byte[] payload = Base64.getUrlDecoder().decode(signedPayload);
            if (!CertificateFormat.JSON.readTree(payload).equals(doc.path("evidence"))) {
                return Optional.empty();
            }
            return Optional.of(CertificateFormat.JSON.readValue(payload, DeletionEvidence.class));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Command-line check: {@code CertificateVerifier <base64-secret> <certificate.json>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CertificateVerifier <base64-secret> <certificate.json>");
            System.exit(2);
        }
        Optional<DeletionEvidence> evidence =
                new CertificateVerifier(Base64.getDecoder().decode(args[0])).verify(Files.readString(Path.of(args[1])));
        System.out.println(evidence.map(e -> "VALID certificate of request " + e.requestId())
                .orElse("INVALID certificate"));
        System.exit(evidence.isPresent() ? 0 : 1);
    }
}
