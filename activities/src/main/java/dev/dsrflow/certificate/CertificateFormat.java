package dev.dsrflow.certificate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The certificate document: {@code {format, alg, keyId, evidence, signedPayload, signature}}.
 * {@code evidence} is the readable copy; {@code signedPayload} is the base64url of the exact
 * bytes signed; {@code signature} is base64url HMAC-SHA256 over
 * {@code "dsrflow-certificate:" + signedPayload}. A verifier checks the signature and that the
 * readable copy says the same as the signed bytes.
 */
final class CertificateFormat {
    static final String FORMAT = "dsrflow-deletion-certificate/1";
    static final String ALG = "HS256";
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CertificateFormat() {}

    static byte[] mac(byte[] secret, String signedPayload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("dsrflow-certificate:" + signedPayload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
