package dev.dsrflow.api.requests;

import dev.dsrflow.api.problem.FieldError;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.model.IdentifierNormalizer;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.product.ProductCatalog;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a filing against the contract: required fields, known products, sane identifiers,
 * lengths, date ranges and the type-specific fields. Collects every problem, then refuses.
 */
@Singleton
class FilingValidator {
    static final int MAX_NOTE = 2000;
    private static final int MAX_TEXT = 200;
    private static final int LISTED_PRODUCTS = 20;
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{6,32}");

    private final ProductCatalog catalog;
    private final IdentifierNormalizer identifiers;
    private final Clock clock;

    FilingValidator(ProductCatalog catalog, IdentifierNormalizer identifiers) {
        this.catalog = catalog;
        this.identifiers = identifiers;
        this.clock = Clock.systemUTC();
    }

    /** Throws a 400 problem naming every offending field. */
    void check(FilingBody body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.type() == null) {
            errors.add(new FieldError("type", "is required"));
        }
        if (body.jurisdiction() == null) {
            errors.add(new FieldError("jurisdiction", "is required"));
        }
        checkSubject(body.subject(), errors);
        checkProducts(body.products(), errors);
        if (body.categories() != null && body.categories().stream().anyMatch(c -> c == null)) {
            errors.add(new FieldError("categories", "must not contain null"));
        }
        if (body.dateRange() != null
                && body.dateRange().from() != null
                && body.dateRange().to() != null
                && !body.dateRange().from().isBefore(body.dateRange().to())) {
            errors.add(new FieldError("dateRange.from", "must be before dateRange.to"));
        }
        if (body.format() != null && body.type() != null && body.type() != RequestType.DOWNLOAD) {
            errors.add(new FieldError("format", "applies to DOWNLOAD requests only"));
        }
        checkLegalProcess(body, errors);
        if (body.note() != null && body.note().length() > MAX_NOTE) {
            errors.add(new FieldError("note", "at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private void checkSubject(FilingBody.Subject subject, List<FieldError> errors) {
        if (subject == null) {
            errors.add(new FieldError("subject", "is required"));
            return;
        }
        if (blank(subject.userId()) && blank(subject.email()) && blank(subject.phone())) {
            errors.add(new FieldError("subject", "needs at least one identifier: userId, email or phone"));
            return;
        }
        if (subject.userId() != null && !USER_ID.matcher(subject.userId()).matches()) {
            errors.add(new FieldError("subject.userId", "must be 1-128 letters, digits or . _ : @ + -"));
        }
        // the e-mail is checked as it is keyed: NFKC-normalised, trimmed and lower-cased
        String email = subject.email() == null ? null : identifiers.email(subject.email());
        if (subject.email() != null
                && (email == null
                        || email.length() > 254
                        || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("subject.email", "must be an email address"));
        }
        if (subject.phone() != null) {
            long digits = subject.phone().chars().filter(Character::isDigit).count();
            if (!PHONE.matcher(subject.phone()).matches() || digits < 6 || digits > 15) {
                errors.add(new FieldError(
                        "subject.phone", "must be a phone number of 6-15 digits, optionally starting with +"));
            } else if (identifiers.e164(subject.phone()).isEmpty()) {
                errors.add(new FieldError(
                        "subject.phone",
                        "is not a phone number (one without a country code is read in region "
                                + identifiers.defaultRegion() + ")"));
            }
        }
    }

    private void checkProducts(List<String> products, List<FieldError> errors) {
        if (products == null) {
            return;
        }
        if (products.isEmpty()) {
            errors.add(new FieldError("products", "must name at least one product when given"));
            return;
        }
        // no count cap: naming only registered products, each once, bounds a request by the registry
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < products.size(); i++) {
            String p = products.get(i);
            if (p == null || catalog.find(p).isEmpty()) {
                errors.add(new FieldError("products[" + i + "]", "unknown product; " + known()));
            } else if (!seen.add(p)) {
                errors.add(new FieldError("products[" + i + "]", "listed twice"));
            }
        }
    }

    /** The registered ids when they are few; a registry of hundreds is listed by GET /v1/products. */
    private String known() {
        List<String> ids = catalog.ids();
        return ids.size() <= LISTED_PRODUCTS ? "known: " + ids : "see GET /v1/products";
    }

    private void checkLegalProcess(FilingBody body, List<FieldError> errors) {
        FilingBody.Legal legal = body.legalProcess();
        if (body.type() == RequestType.PRESERVATION && legal == null) {
            errors.add(new FieldError("legalProcess", "is required for PRESERVATION"));
            return;
        }
        if (body.type() != null && body.type() != RequestType.PRESERVATION && legal != null) {
            errors.add(new FieldError("legalProcess", "applies to PRESERVATION requests only"));
            return;
        }
        if (legal == null) {
            return;
        }
        if (legal.kind() == null) {
            errors.add(new FieldError("legalProcess.kind", "is required"));
        }
        if (blank(legal.reference())) {
            errors.add(new FieldError("legalProcess.reference", "is required"));
        } else if (legal.reference().length() > MAX_TEXT) {
            errors.add(new FieldError("legalProcess.reference", "at most " + MAX_TEXT + " characters"));
        }
        if (legal.authority() != null && legal.authority().length() > MAX_TEXT) {
            errors.add(new FieldError("legalProcess.authority", "at most " + MAX_TEXT + " characters"));
        }
        if (legal.expiresAt() != null && !legal.expiresAt().isAfter(clock.instant())) {
            errors.add(new FieldError("legalProcess.expiresAt", "must be in the future"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
