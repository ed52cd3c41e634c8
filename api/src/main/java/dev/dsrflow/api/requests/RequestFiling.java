package dev.dsrflow.api.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.security.Roles;
import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.codec.SealedContacts;
import dev.dsrflow.codec.SealedSpecs;
import dev.dsrflow.ledger.FilingOutcome;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.NewRequest;
import dev.dsrflow.ledger.RequestFingerprint;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.IdentifierNormalizer;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.model.SubjectKey;
import dev.dsrflow.model.Verification;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.RecordedCatalogue;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files a request: validate, check the filer's role for the type, record it in the ledger
 * (idempotently), then start its workflow. The ledger comes first, so an accepted request is
 * never lost: if the start fails, the row stays RECEIVED and the re-driver starts it later.
 */
@Singleton
public class RequestFiling {
    private static final Logger LOG = LoggerFactory.getLogger(RequestFiling.class);
    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final FilingValidator validator;
    private final ProductCatalog catalog;
    private final SubjectKey subjectKey;
    private final SealedSpecs sealedSpecs;
    private final RequestPolicy policy;
    private final LedgerStore ledger;
    private final RequestStarter starter;
    private final LedgerQueries queries;
    private final RequestFingerprint fingerprint;
    private final SealedContacts contacts;
    private final ObjectMapper canonical = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    RequestFiling(
            FilingValidator validator,
            ProductCatalog catalog,
            SubjectKey subjectKey,
            SealedSpecs sealedSpecs,
            RequestPolicy policy,
            LedgerStore ledger,
            RequestStarter starter,
            LedgerQueries queries,
            RequestFingerprint fingerprint,
            SealedContacts contacts) {
        this.validator = validator;
        this.catalog = catalog;
        this.subjectKey = subjectKey;
        this.sealedSpecs = sealedSpecs;
        this.policy = policy;
        this.ledger = ledger;
        this.starter = starter;
        this.queries = queries;
        this.fingerprint = fingerprint;
        this.contacts = contacts;
    }

    /**
     * What filing did: created a new request (its spec given), or found the one the idempotency
     * key names (spec null).
     */
    public record Filed(String requestId, boolean created, RequestSpec spec) {}

    /** Validates and files; throws a problem for bad input (400), a wrong role (403) or a reused key (409). */
    public Filed file(FilingBody body, String idempotencyKey, Authentication filer) {
        validator.check(body);
        String needed = body.type() == RequestType.PRESERVATION ? Roles.LEGAL : Roles.PRIVACY_OPS;
        if (!filer.getRoles().contains(needed)) {
            throw ProblemException.forbidden(body.type() + " requests are filed by " + needed);
        }
        Verification verification = body.verification() == null ? Verification.VERIFIED : body.verification();
        String contact = blankToNull(body.contactEmail()) != null
                ? blankToNull(body.contactEmail())
                : blankToNull(body.subject().email());
        if (verification == Verification.REQUIRED && contact == null) {
            throw ProblemException.invalid("verification", "REQUIRED needs an e-mail address to send the code to");
        }
        if (verification == Verification.REQUIRED && body.type() == RequestType.PRESERVATION) {
            throw ProblemException.invalid("verification", "preservations are not verified by their subject");
        }
        return file(body, idempotencyKey, filer.getName(), verification, contact);
    }

    /**
     * Files a validated body for {@code actor} (the privacy center files for the subject):
     * {@code contact}, when given, is sealed with the request and receives its notices.
     */
    public Filed file(FilingBody body, String idempotencyKey, String actor, Verification verification, String contact) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1-" + MAX_IDEMPOTENCY_KEY + " characters");
        }
        boolean notify = contact != null && body.type() != RequestType.PRESERVATION;
        RequestSpec spec = spec(body, actor, verification, notify);
        List<String> keys = subjectKey.all(spec.subject());
        NewRequest request = new NewRequest(
                spec,
                sealedSpecs.seal(spec),
                keys,
                idempotencyKey,
                idempotencyKey == null ? null : hash(body, actor),
                notify ? contacts.seal(contact) : null);
        FilingOutcome outcome = ledger.file(request);
        switch (outcome.kind()) {
            case CONFLICT -> throw ProblemException.conflict("Idempotency-Key was used for a different request");
            case REPLAYED -> {
                redriveIfNeverStarted(outcome.requestId());
                return new Filed(outcome.requestId(), false, null);
            }
            default -> {
                startOrLeaveForRedrive(spec);
                return new Filed(spec.id(), true, spec);
            }
        }
    }

    private RequestSpec spec(FilingBody body, String actor, Verification verification, boolean notify) {
        FilingBody.Subject s = body.subject();
        // normalised once, here: products get the e-mail in lower case and the phone number in E.164
        SubjectIdentifiers subject = normalized(new SubjectIdentifiers(s.userId(), s.email(), s.phone()));
        Set<InformationCategory> categories =
                body.categories() == null || body.categories().isEmpty() ? Set.of() : EnumSet.copyOf(body.categories());
        DateRange range = body.dateRange() == null
                ? DateRange.ALL
                : new DateRange(body.dateRange().from(), body.dateRange().to());
        ExportFormat format = body.type() == RequestType.DOWNLOAD
                ? (body.format() == null ? ExportFormat.JSON : body.format())
                : null;
        LegalProcess legal = body.legalProcess() == null
                ? null
                : new LegalProcess(
                        body.legalProcess().kind(),
                        body.legalProcess().reference(),
                        body.legalProcess().authority(),
                        body.legalProcess().expiresAt());
        List<String> products = body.products() == null ? catalog.ids() : List.copyOf(body.products());
        return new RequestSpec(
                UUID.randomUUID().toString(),
                body.type(),
                subject,
                subjectKey.primary(subject),
                body.jurisdiction(),
                products,
                categories,
                range,
                format,
                legal,
                actor,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                body.note(),
                policy,
                RecordedCatalogue.of(catalog.forRequest(products)),
                verification,
                notify);
    }

    private void startOrLeaveForRedrive(RequestSpec spec) {
        try {
            starter.start(spec);
        } catch (RuntimeException e) {
            LOG.warn(
                    "request {} filed but its workflow did not start ({}); it stays RECEIVED for the re-driver",
                    spec.id(),
                    e.getClass().getSimpleName());
        }
    }

    /** A replayed filing whose first start failed gets another chance now. */
    private void redriveIfNeverStarted(String requestId) {
        ledger.specCiphertext(requestId).ifPresent(ciphertext -> {
            if (stillReceived(requestId)) {
                startOrLeaveForRedrive(sealedSpecs.open(ciphertext));
            }
        });
    }

    private boolean stillReceived(String requestId) {
        return queries.find(requestId)
                .map(v -> v.status() == RequestStatus.RECEIVED)
                .orElse(false);
    }

    /** The body's fingerprint plus its filer (an HMAC: the body holds identifiers): a replay must repeat both. */
    private String hash(FilingBody body, String actor) {
        try {
            return fingerprint.of(actor, canonical.writeValueAsBytes(canonical.valueToTree(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request body", e);
        }
    }

    /** The identifiers normalised; a phone number the validator let through but that cannot be read is a 400 too. */
    private SubjectIdentifiers normalized(SubjectIdentifiers raw) {
        try {
            return subjectKey.normalizer().normalize(raw);
        } catch (IdentifierNormalizer.InvalidIdentifierException e) {
            throw ProblemException.invalid("subject." + e.field(), e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
