package dev.dsrflow.notification;

import java.security.SecureRandom;

/**
 * Verification codes: 6 digits from a CSPRNG, kept only as an HMAC-SHA256 bound to the notice
 * that carried them (a code of one request never verifies another).
 */
public final class VerificationCodes {
    private final KeyedHash hmac;
    private final SecureRandom random = new SecureRandom();

    public VerificationCodes(byte[] secret) {
        this.hmac = new KeyedHash(secret, "dsrflow-verification-code");
    }

    /** A fresh code, {@code 000000}-{@code 999999}. */
    public String draw() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** The keyed hash of {@code code} for the notice {@code noticeId}. */
    public String hash(String noticeId, String code) {
        return hmac.of(noticeId, code);
    }

    /** Whether {@code code} hashes to {@code expected} (constant time). */
    public boolean matches(String noticeId, String expected, String code) {
        return KeyedHash.same(expected, hash(noticeId, code));
    }
}
