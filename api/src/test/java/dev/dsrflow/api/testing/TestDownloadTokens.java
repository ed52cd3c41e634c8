package dev.dsrflow.api.testing;

import dev.dsrflow.api.packages.DownloadTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A stand-in for the packaging module's link signer: HMAC-SHA256 over request id and expiry. */
public final class TestDownloadTokens implements DownloadTokens {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private final byte[] secret;

  public TestDownloadTokens(byte[] secret) {
    this.secret = secret.clone();
  }

  /** Issues a token as the download workflow would. */
  public String issue(String requestId, Instant expiresAt) {
    String claim = ENCODER.encodeToString((requestId + "|" + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
    return claim + "." + ENCODER.encodeToString(mac(claim));
  }

  @Override
  public Optional<Grant> verify(String token) {
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String claim = token.substring(0, dot);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(mac(claim), given)) {
      return Optional.empty();
    }
    String[] parts = new String(Base64.getUrlDecoder().decode(claim), StandardCharsets.UTF_8).split("\\|");
    return Optional.of(new Grant(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1]))));
  }

  private byte[] mac(String claim) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(claim.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
