package dev.dsrflow.api.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A signed DRP message whose signature verified: its claims, and the SHA-256 of its signature
 * (hex), which names the message for replay detection.
 */
record SignedMessage(ObjectNode claims, String digest) {

    /** A claim as text, or null when absent or not a string. */
    String text(String claim) {
        return claims.path(claim).isTextual() ? claims.path(claim).asText() : null;
    }

    /** When the message expires, once {@link SignedMessages#checkEnvelope} passed. */
    Instant expiresAt() {
        return SignedMessages.instant(text("expires-at"), "expires-at");
    }
}
