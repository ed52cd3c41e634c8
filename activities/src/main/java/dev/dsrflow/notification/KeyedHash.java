package dev.dsrflow.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 of NUL-separated parts under a secret and a purpose label, base64url. */
final class KeyedHash {
    private final byte[] secret;
    private final String purpose;

    KeyedHash(byte[] secret, String purpose) {
        this.secret = secret.clone();
        this.purpose = purpose;
    }

    String of(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                mac.update((byte) 0);
                mac.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code candidate} equals {@code expected}, in constant time. */
    static boolean same(String expected, String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
}
