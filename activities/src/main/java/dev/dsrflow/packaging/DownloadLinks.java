package dev.dsrflow.packaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the signed, expiring tokens of download links. A token names one request
 * and its expiry and carries an HMAC-SHA256 over both under a configured secret, so the API can
 * serve {@code GET /v1/packages/{token}} without a database lookup and refuse any token that
 * was altered or has expired. Tokens are URL-safe and contain no subject identifier.
 */
public final class DownloadLinks {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] secret;

    public DownloadLinks(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("download-link secret must have at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    /** What a valid token grants: the package of this request, until this instant. */
    public record Grant(String requestId, Instant expiresAt) {}

    /** A token for the request's package, valid until {@code expiresAt}. Deterministic. */
    public String issue(String requestId, Instant expiresAt) {
        String body = requestId + "." + expiresAt.getEpochSecond();
        String encodedBody = B64.encodeToString(body.getBytes(StandardCharsets.UTF_8));
        return encodedBody + "." + B64.encodeToString(mac(encodedBody));
    }

    /**
     * The grant of a token that is authentic and not expired at {@code now}; empty for a
     * forged, malformed or expired token (callers answer 410 or 404 without saying which).
     */
    public Optional<Grant> verify(String token, Instant now) {
        return authentic(token).filter(g -> now.isBefore(g.expiresAt()));
    }

    /** The grant of an authentic token, expired or not (to tell "expired" from "forged"). */
    public Optional<Grant> authentic(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String encodedBody = token.substring(0, dot);
        try {
            byte[] given = B64D.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(encodedBody))) {
                return Optional.empty();
            }
            String body = new String(B64D.decode(encodedBody), StandardCharsets.UTF_8);
            int sep = body.lastIndexOf('.');
            return Optional.of(
                    new Grant(body.substring(0, sep), Instant.ofEpochSecond(Long.parseLong(body.substring(sep + 1)))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String encodedBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("dsrflow-download:" + encodedBody).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
