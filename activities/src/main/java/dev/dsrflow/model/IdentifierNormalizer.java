package dev.dsrflow.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one normalisation of a subject's identifiers, so the same person gets the same subject key
 * however an identifier was typed: a user id trimmed; an e-mail NFKC-normalised, trimmed and
 * lower-cased; a phone number in E.164 (libphonenumber), a national number read in the configured
 * default region ({@code dsrflow.subject.default-region}).
 */
public final class IdentifierNormalizer {
    /** The default region when none is configured. */
    public static final String DEFAULT_REGION = "US";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /** Reads national phone numbers in {@link #DEFAULT_REGION}. */
    public IdentifierNormalizer() {
        this(DEFAULT_REGION);
    }

    /** @param defaultRegion ISO 3166 region a phone number without a country code is read in */
    public IdentifierNormalizer(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!PHONES.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException(
                    "dsrflow.subject.default-region: unknown region '" + defaultRegion + "'");
        }
        this.defaultRegion = region;
    }

    /** The region a phone number without a country code is read in. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /** A user id, trimmed; null when absent or blank. */
    public String userId(String raw) {
        return blank(raw) ? null : raw.trim();
    }

    /** An e-mail address, NFKC-normalised, trimmed and lower-cased; null when absent or blank. */
    public String email(String raw) {
        return blank(raw)
                ? null
                : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A phone number in E.164 ({@code +15550000003}); null when absent or blank.
     *
     * @throws InvalidIdentifierException when it is not a possible phone number
     */
    public String phone(String raw) {
        if (blank(raw)) {
            return null;
        }
        return e164(raw)
                .orElseThrow(() -> new InvalidIdentifierException(
                        "phone", "must be a phone number (national numbers are read in region " + defaultRegion + ")"));
    }

    /** The phone number in E.164, or empty when libphonenumber cannot read it as a possible number. */
    public Optional<String> e164(String raw) {
        if (blank(raw)) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(Normalizer.normalize(raw, Normalizer.Form.NFKC), defaultRegion);
            return PHONES.isPossibleNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The identifiers in normalised form.
     *
     * @throws InvalidIdentifierException when the phone number is not one
     */
    public SubjectIdentifiers normalize(SubjectIdentifiers subject) {
        return new SubjectIdentifiers(userId(subject.userId()), email(subject.email()), phone(subject.phone()));
    }

    /**
     * Every identifier present as normalised {@code kind:value}, strongest first (user id, e-mail,
     * phone): what a subject key is the HMAC of.
     *
     * @throws InvalidIdentifierException when the phone number is not one
     */
    public List<String> keyed(SubjectIdentifiers subject) {
        SubjectIdentifiers n = normalize(subject);
        List<String> out = new ArrayList<>(3);
        if (n.userId() != null) {
            out.add("user:" + n.userId());
        }
        if (n.email() != null) {
            out.add("email:" + n.email());
        }
        if (n.phone() != null) {
            out.add("phone:" + n.phone());
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** An identifier that cannot be normalised; {@link #field} names it ({@code phone}). */
    public static final class InvalidIdentifierException extends IllegalArgumentException {
        private final String field;

        InvalidIdentifierException(String field, String message) {
            super(field + " " + message);
            this.field = field;
        }

        /** The identifier's field in a subject: {@code userId}, {@code email} or {@code phone}. */
        public String field() {
            return field;
        }
    }
}
