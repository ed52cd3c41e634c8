package dev.dsrflow.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code request_hash} that tells an idempotent replay from a conflicting reuse of its key: an
 * HMAC, because the body it covers holds the subject's identifiers and a bare digest of it could be
 * confirmed by guessing them. Keyed from the subject-key secret under its own label, so the two
 * never produce comparable values.
 */
public final class RequestFingerprint {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public RequestFingerprint(byte[] subjectKeySecret) {
        if (subjectKeySecret == null || subjectKeySecret.length < 16) {
            throw new IllegalArgumentException("subject-key secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(
                mac(new SecretKeySpec(subjectKeySecret, ALGORITHM), "dsrflow request fingerprint".getBytes()),
                ALGORITHM);
    }

    /** The fingerprint of a body as filed by {@code filer}: a replay must repeat both. */
    public String of(String filer, byte[] canonicalBody) {
        byte[] filerBytes = filer.getBytes(StandardCharsets.UTF_8);
        ByteBuffer input = ByteBuffer.allocate(4 + filerBytes.length + canonicalBody.length);
        input.putInt(filerBytes.length).put(filerBytes).put(canonicalBody);
        return HexFormat.of().formatHex(mac(key, input.array()));
    }

    private static byte[] mac(SecretKeySpec key, byte[] input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
