package dev.dsrflow.api.packages;

import java.time.Instant;
import java.util.Optional;

/**
 * Checks the signed token of a download link (HMAC over request id and expiry, issued by the
 * download workflow). The runtime binds it to the packaging module's link signer; the API only
 * verifies, it never issues links.
 */
public interface DownloadTokens {

  /** What a genuine token grants: one request's package until an instant. */
  record Grant(String requestId, Instant expiresAt) {}

  /**
   * The grant of a token whose signature is genuine (expired or not), or empty for a token
   * that was not issued by dsrflow (tampered, truncated, foreign).
   */
  Optional<Grant> verify(String token);
}
