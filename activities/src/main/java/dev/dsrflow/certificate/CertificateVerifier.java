package dev.dsrflow.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.io.IOException;
import java.util.Optional;

/**
 * Checks deletion certificates with public keys only: the API's verify endpoint and the offline
 * {@code java -jar dsrflow.jar verify certificate.json --keys keys.json} both call {@link #check}.
 */
public final class CertificateVerifier {
    private final JWKSet keys;

    public CertificateVerifier(JWKSet keys) {
        this.keys = keys;
    }

    /**
     * A verifier that trusts the one key pair derived from {@code secret}, whatever key id signed
     * with it (tests, single-key setups).
     */
    public CertificateVerifier(byte[] secret) {
        this(new JWKSet(new OctetKeyPair.Builder((OctetKeyPair)
                        SigningKeys.of("any", secret).publicKeys().getKeys().get(0))
                .keyID(null)
                .build()));
    }

    /**
     * The outcome of a check.
     *
     * @param valid whether the certificate is genuine
     * @param reason one line saying why (not)
     * @param evidence what the certificate attests, when valid
     */
    public record Verdict(boolean valid, String reason, DeletionEvidence evidence) {}

    /**
     * Checks a certificate given as its document ({@code {"jws": "…", …}}, as the request view and
     * the verify endpoint's body have it) or as the bare compact JWS.
     */
    public Verdict check(String certificate) {
        String compact;
        try {
            compact = compactJws(certificate);
        } catch (IOException | IllegalArgumentException e) {
            return new Verdict(false, "not a certificate: " + e.getMessage(), null);
        }
        SignedEvidence.Check check = SignedEvidence.verify(compact, keys, SignedEvidence.CERTIFICATE_TYPE);
        if (!check.valid()) {
            return new Verdict(false, check.reason(), null);
        }
        try {
            DeletionEvidence evidence = EvidenceJson.MAPPER.readValue(check.payload(), DeletionEvidence.class);
            return new Verdict(
                    true,
                    "certificate of request " + evidence.requestId() + " signed by key " + check.keyId(),
                    evidence);
        } catch (IOException e) {
            return new Verdict(false, "signed payload is not deletion evidence", null);
        }
    }

    /** The attested evidence when the certificate is genuine; empty otherwise. */
    public Optional<DeletionEvidence> verify(String certificate) {
        return Optional.ofNullable(check(certificate).evidence());
    }

    private static String compactJws(String certificate) throws IOException {
        if (certificate == null || certificate.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        String text = certificate.trim();
        if (!text.startsWith("{")) {
            return text;
        }
        JsonNode doc = EvidenceJson.MAPPER.readTree(text);
        if (!doc.path("jws").isTextual()) {
            throw new IllegalArgumentException("no jws field");
        }
        return doc.get("jws").asText();
    }
}
