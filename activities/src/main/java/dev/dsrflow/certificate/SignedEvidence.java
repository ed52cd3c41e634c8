package dev.dsrflow.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.text.ParseException;

/**
 * Checks a compact JWS signed by {@link SigningKeys} against public keys only: the algorithm must
 * be EdDSA, the type the expected one, and the {@code kid} one of the given Ed25519 keys.
 */
public final class SignedEvidence {
    /** The {@code typ} of a deletion certificate. */
    public static final String CERTIFICATE_TYPE = "dsrflow-deletion-certificate+jws";
    /** The {@code typ} of a signed ledger head. */
    public static final String LEDGER_HEAD_TYPE = "dsrflow-ledger-head+jws";

    private SignedEvidence() {}

    /**
     * The outcome of a check.
     *
     * @param valid whether the signature is genuine and the JWS of the expected type
     * @param reason why not, or {@code "signature valid"}
     * @param payload the signed bytes (null when the JWS does not parse)
     * @param keyId the key that signed it, as the header says
     */
    public record Check(boolean valid, String reason, byte[] payload, String keyId) {
        static Check invalid(String reason) {
            return new Check(false, reason, null, null);
        }
    }

    /** Checks {@code compact} against {@code keys}. */
    public static Check verify(String compact, JWKSet keys, String expectedType) {
        if (compact == null || compact.isBlank()) {
            return Check.invalid("no JWS given");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact.trim());
        } catch (ParseException e) {
            return Check.invalid("not a compact JWS: " + e.getMessage());
        }
        if (!JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm())) {
            return Check.invalid("algorithm " + jws.getHeader().getAlgorithm() + " is not EdDSA");
        }
        if (!new JOSEObjectType(expectedType).equals(jws.getHeader().getType())) {
            return Check.invalid("JWS type is " + jws.getHeader().getType() + ", expected " + expectedType);
        }
        String kid = jws.getHeader().getKeyID();
        JWK key = kid == null ? null : keys.getKeyByKeyId(kid);
        if (key == null && keys.size() == 1 && keys.getKeys().get(0).getKeyID() == null) {
            key = keys.getKeys().get(0); // a set of one key without id trusts that key under any id
        }
        if (!(key instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
            return Check.invalid("key " + kid + " is not among the published Ed25519 keys");
        }
        try {
            if (!jws.verify(new Ed25519Verifier(okp.toPublicJWK()))) {
                return Check.invalid("signature does not match key " + kid);
            }
        } catch (JOSEException e) {
            return Check.invalid("cannot check the signature: " + e.getMessage());
        }
        return new Check(true, "signature valid", jws.getPayload().toBytes(), kid);
    }
}
