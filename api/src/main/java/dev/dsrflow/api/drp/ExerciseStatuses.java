package dev.dsrflow.api.drp;

import dev.dsrflow.api.requests.LedgerQueries;
import dev.dsrflow.api.requests.RequestView;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.RequestType;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Derives a DRP request's exercise status from the dsrflow request's status and its ledger
 * events: RECEIVED is {@code open}; every running status is {@code in_progress} with the legal
 * deadline as {@code expected_by} (and the extension's reason once extended); COMPLETED is
 * {@code fulfilled} (with {@code results_url} for an access); a cancellation by the agent itself
 * is {@code revoked}, any other end is {@code denied}/{@code other}.
 */
@Singleton
@Requires(property = "dsrflow.drp.business-id")
class ExerciseStatuses {
    private final LedgerQueries queries;
    private final LedgerStore ledger;
    private final DrpSettings settings;
    private final BeanProvider<EmbeddedServer> server;

    ExerciseStatuses(
            LedgerQueries queries, LedgerStore ledger, DrpSettings settings, BeanProvider<EmbeddedServer> server) {
        this.queries = queries;
        this.ledger = ledger;
        this.settings = settings;
        this.server = server;
    }

    /** The actor name an agent files and revokes under, in the ledger and the request's view. */
    static String actor(String agentId) {
        return RequestView.DRP_FILER_PREFIX + agentId;
    }

    /** The request's exercise status now. */
    ExerciseStatus of(DrpRequest request) {
        String received = text(request.receivedAt());
        if (request.deniedReason() != null) {
            return status(
                    request,
                    ExerciseStatus.DENIED,
                    request.deniedReason(),
                    received,
                    null,
                    details(request),
                    null,
                    text(request.receivedAt().plus(settings.recordKeeping())));
        }
        Optional<RequestView> found = queries.find(request.requestId());
        if (found.isEmpty()) {
            return status(request, ExerciseStatus.OPEN, null, received, null, null, null, null);
        }
        RequestView view = found.get();
        received = text(view.receivedAt());
        String expectedBy = text(view.dueAt());
        String until =
                view.completedAt() == null ? null : text(view.completedAt().plus(settings.recordKeeping()));
        return switch (view.status()) {
            case RECEIVED -> status(request, ExerciseStatus.OPEN, null, received, null, null, null, null);
            case COMPLETED ->
                status(
                        request,
                        ExerciseStatus.FULFILLED,
                        null,
                        received,
                        expectedBy,
                        null,
                        view.type() == RequestType.ACCESS ? resultsUrl(request.requestId()) : null,
                        until);
            case CANCELLED ->
                revokedByAgent(request)
                        ? status(request, ExerciseStatus.REVOKED, null, received, expectedBy, null, null, until)
                        : denied(request, received, expectedBy, "the business cancelled the request", until);
            case EXPIRED -> status(request, ExerciseStatus.EXPIRED, null, received, expectedBy, null, null, until);
            // every other status: a final one is an end the agent cannot act on; the others run
            default ->
                view.status().isFinal()
                        ? denied(request, received, expectedBy, "the business could not act on the request", until)
                        : status(
                                request,
                                ExerciseStatus.IN_PROGRESS,
                                null,
                                received,
                                expectedBy,
                                progress(view),
                                null,
                                null);
        };
    }

    /** Where the agent fetches an access's results: under the configured base URL, else this server's. */
    private String resultsUrl(String requestId) {
        String base =
                settings.resultsUrlBase() == null || settings.resultsUrlBase().isBlank()
                        ? server.get().getURL().toString()
                        : settings.resultsUrlBase();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/data-rights-request/"
                + requestId + "/results";
    }

    /** Section 3.08: an extended deadline says why. */
    private String progress(RequestView view) {
        if (!view.extended()) {
            return null;
        }
        List<StoredEvent> events = ledger.events(view.id());
        for (int i = events.size() - 1; i >= 0; i--) {
            StoredEvent e = events.get(i);
            if ("EXTENDED".equals(e.kind())) {
                String detail = e.detail() == null ? "" : e.detail();
                int reason = detail.indexOf(": ");
                return "deadline extended under the CCPA" + (reason < 0 ? "" : ": " + detail.substring(reason + 2));
            }
        }
        return "deadline extended under the CCPA";
    }

    private boolean revokedByAgent(DrpRequest request) {
        String agent = actor(request.agentId());
        return ledger.events(request.requestId()).stream()
                .anyMatch(e -> "CANCELLED".equals(e.kind()) && agent.equals(e.actor()));
    }

    private static ExerciseStatus denied(
            DrpRequest request, String received, String expectedBy, String details, String until) {
        return status(request, ExerciseStatus.DENIED, "other", received, expectedBy, details, null, until);
    }

    private static String details(DrpRequest request) {
        return "the business does not serve " + request.exercise() + " requests through DRP";
    }

    private static ExerciseStatus status(
            DrpRequest request,
            String status,
            String reason,
            String receivedAt,
            String expectedBy,
            String details,
            String resultsUrl,
            String expiresAt) {
        return new ExerciseStatus(
                request.requestId(),
                request.agentRequestId(),
                status,
                reason,
                receivedAt,
                expectedBy,
                details,
                null,
                resultsUrl,
                expiresAt);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
