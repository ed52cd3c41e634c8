package dev.dsrflow.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous key of a data subject: HMAC-SHA256 of a normalised identifier ({@code kind:value},
 * see {@link IdentifierNormalizer}) under a configured secret. Safe for workflow ids, search
 * attributes, logs and the ledger.
 */
public final class SubjectKey {
    private final byte[] secret;
    private final IdentifierNormalizer normalizer;

    /** Reads national phone numbers in {@link IdentifierNormalizer#DEFAULT_REGION}. */
    public SubjectKey(byte[] secret) {
        this(secret, new IdentifierNormalizer());
    }

    public SubjectKey(byte[] secret, IdentifierNormalizer normalizer) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("subject-key secret must have at least 16 bytes");
        }
        this.secret = secret.clone();
        this.normalizer = normalizer;
    }

    /** How identifiers are normalised before they are keyed. */
    public IdentifierNormalizer normalizer() {
        return normalizer;
    }

    /**
     * The request's key: the key of the strongest identifier present.
     *
     * @throws IdentifierNormalizer.InvalidIdentifierException when the phone number is not one
     */
    public String primary(SubjectIdentifiers subject) {
        List<String> all = normalizer.keyed(subject);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("subject has no identifier");
        }
        return of(all.get(0));
    }

    /**
     * Keys of every identifier present, strongest first (for search by any identifier).
     *
     * @throws IdentifierNormalizer.InvalidIdentifierException when the phone number is not one
     */
    public List<String> all(SubjectIdentifiers subject) {
        return normalizer.keyed(subject).stream().map(this::of).toList();
    }

    /** The key of one normalised identifier ({@code kind:value}). */
    public String of(String normalizedIdentifier) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(normalizedIdentifier.getBytes(StandardCharsets.UTF_8));
            return "sk-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
