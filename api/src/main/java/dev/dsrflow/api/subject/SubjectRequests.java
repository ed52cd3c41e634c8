package dev.dsrflow.api.subject;

import dev.dsrflow.api.problem.FieldError;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.requests.FilingBody;
import dev.dsrflow.api.requests.LedgerQueries;
import dev.dsrflow.api.requests.RequestFiling;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.model.SubjectKey;
import dev.dsrflow.model.Verification;
import dev.dsrflow.notification.StatusTokens;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * What the privacy center does for a person without credentials: files their request
 * (verification required, notices to the address they gave) and shows its status to whoever
 * holds the status token. Every filing is answered the same way, whatever the address: whether
 * any product knows it is found out only after the person proved the address is theirs.
 */
@Singleton
public class SubjectRequests {
    /** The actor the ledger records for filings from the privacy center. */
    public static final String ACTOR = "privacy-center";

    private final RequestFiling filing;
    private final SubjectKey subjectKey;
    private final RateLimits limits;
    private final LedgerQueries queries;
    private final StatusTokens tokens;

    SubjectRequests(
            RequestFiling filing,
            SubjectKey subjectKey,
            RateLimits limits,
            LedgerQueries queries,
            StatusTokens tokens) {
        this.filing = filing;
        this.subjectKey = subjectKey;
        this.limits = limits;
        this.queries = queries;
        this.tokens = tokens;
    }

    /** Files the person's request: 400 naming the field, 429 past a rate limit. */
    public SubjectRequestAnswer file(SubjectRequestBody body, String client) {
        List<FieldError> errors = new ArrayList<>();
        if (body.type() == null || body.type() == RequestType.PRESERVATION) {
            errors.add(new FieldError("type", "must be ACCESS, DOWNLOAD or DELETION"));
        }
        if (!EmailAddresses.valid(body.email())) {
            errors.add(new FieldError("email", "must be one e-mail address"));
        }
        if (body.jurisdiction() == null) {
            errors.add(new FieldError("jurisdiction", "must be GDPR, CCPA or OTHER"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String email = body.email().trim();
        limits.filing(subjectKey.primary(new SubjectIdentifiers(null, email, null)), client);
        FilingBody request = new FilingBody(
                body.type(),
                new FilingBody.Subject(null, email, null),
                body.jurisdiction(),
                null,
                null,
                null,
                null,
                null,
                null,
                Verification.REQUIRED,
                null);
        RequestFiling.Filed filed = filing.file(request, null, ACTOR, Verification.REQUIRED, email);
        return new SubjectRequestAnswer(filed.requestId(), RequestStatus.AWAITING_VERIFICATION, null);
    }

    /** The request's status for the holder of its status token; 404 for a wrong token as for a wrong id. */
    public SubjectStatus status(String requestId, String token) {
        if (!tokens.valid(requestId, token)) {
            throw ProblemException.notFound("No such request, or the link is not valid");
        }
        return SubjectStatus.of(queries.find(requestId)
                .orElseThrow(() -> ProblemException.notFound("No such request, or the link is not valid")));
    }
}
