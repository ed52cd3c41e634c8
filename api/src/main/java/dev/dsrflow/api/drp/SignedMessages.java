package dev.dsrflow.api.drp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opens and checks signed DRP messages (section 3.07): base64 of the 64-byte Ed25519 signature
 * followed by the JSON it signs (libsodium's combined form), verified with the JDK's Ed25519;
 * then the envelope claims in the protocol's order: {@code agent-id}, {@code business-id},
 * {@code issued-at}, {@code expires-at}. Replays are caught by {@link DrpStore#rememberMessage}.
 */
@Singleton
@Requires(property = "dsrflow.drp.business-id")
class SignedMessages {
    static final int SIGNATURE_BYTES = 64;

    private final DrpSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    SignedMessages(DrpSettings settings) {
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** Decodes the body and verifies its signature with the agent's key. */
    SignedMessage open(String body, Agent agent) {
        if (body == null || body.isBlank()) {
            throw DrpRefusal.invalid("body", "a signed message is required");
        }
        byte[] buffer;
        try {
            buffer = Base64.getMimeDecoder().decode(body.trim());
        } catch (IllegalArgumentException e) {
            throw DrpRefusal.invalid("body", "is not base64");
        }
        if (buffer.length <= SIGNATURE_BYTES) {
            throw DrpRefusal.forbidden("body", "is shorter than a signature and a message");
        }
        byte[] signature = Arrays.copyOfRange(buffer, 0, SIGNATURE_BYTES);
        byte[] message = Arrays.copyOfRange(buffer, SIGNATURE_BYTES, buffer.length);
        if (!verifies(agent, signature, message)) {
            throw DrpRefusal.forbidden("body", "the signature does not verify with the agent's key");
        }
        JsonNode claims;
        try {
            claims = json.readTree(message);
        } catch (IOException e) {
            throw DrpRefusal.invalid("body", "the signed message is not JSON");
        }
        if (!(claims instanceof ObjectNode object)) {
            throw DrpRefusal.invalid("body", "the signed message is not a JSON object");
        }
        return new SignedMessage(object, sha256(signature));
    }

    /**
     * Checks the envelope: it names this agent and this business, was issued no later than now
     * (within the configured skew), has not expired, and expires within the configured window.
     */
    void checkEnvelope(SignedMessage message, Agent agent) {
        if (!agent.id().equals(message.text("agent-id"))) {
            throw DrpRefusal.forbidden("agent-id", "does not name the agent the message is signed for");
        }
        if (!settings.businessId().equals(message.text("business-id"))) {
            throw DrpRefusal.forbidden("business-id", "does not name this business");
        }
        Instant now = clock.instant();
        Instant issuedAt = instant(message.text("issued-at"), "issued-at");
        Instant expiresAt = instant(message.text("expires-at"), "expires-at");
        if (issuedAt.isAfter(now.plus(settings.clockSkew()))) {
            throw DrpRefusal.forbidden("issued-at", "lies in the future");
        }
        if (!now.isBefore(expiresAt)) {
            throw DrpRefusal.forbidden("expires-at", "has passed");
        }
        if (expiresAt.isAfter(issuedAt.plus(settings.maxValidity()))) {
            throw DrpRefusal.forbidden(
                    "expires-at", "lies more than " + settings.maxValidity().toMinutes() + " minutes after issued-at");
        }
    }

    private static boolean verifies(Agent agent, byte[] signature, byte[] message) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(agent.verifyKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is a signature that does not verify
        }
    }

    /** An ISO 8601 timestamp; one without an offset is taken as UTC. */
    static Instant instant(String text, String claim) {
        if (text == null) {
            throw DrpRefusal.forbidden(claim, "is required (an ISO 8601 timestamp)");
        }
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt
                    ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw DrpRefusal.forbidden(claim, "is not an ISO 8601 timestamp");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
