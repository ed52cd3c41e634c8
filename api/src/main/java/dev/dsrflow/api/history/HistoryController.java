package dev.dsrflow.api.history;

import dev.dsrflow.api.problem.Problem;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.requests.LedgerQueries;
import dev.dsrflow.api.security.Roles;
import dev.dsrflow.ledger.HistoryVerifier;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.RequestHistory;
import dev.dsrflow.ledger.SignedHead;
import dev.dsrflow.workflow.WorkflowIds;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;

/** A request's audit timeline (ledger, hash-verified) and its raw Temporal history. */
@Controller("/v1/requests/{id}/history")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.AUDITOR, Roles.PRIVACY_OPS, Roles.LEGAL})
@Tag(name = "history")
class HistoryController {
    private final LedgerStore ledger;
    private final LedgerQueries queries;
    private final WorkflowClient client;
    private final HistoryVerifier verifier;

    HistoryController(LedgerStore ledger, LedgerQueries queries, WorkflowClient client, HistoryVerifier verifier) {
        this.ledger = ledger;
        this.queries = queries;
        this.client = client;
        this.verifier = verifier;
    }

    @Get
    @Operation(
            summary = "The audit timeline: every event with its hash and the signed chain head; verified says the"
                    + " chain is intact up to the signed head")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HistoryView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "unknown request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HistoryView history(@PathVariable String id) {
        requireKnown(id);
        RequestHistory history = ledger.history(id).orElseThrow(() -> ProblemException.unknownRequest(id));
        HistoryVerifier.Verdict verdict = verifier.check(history);
        SignedHead head = history.head();
        return new HistoryView(
                id,
                history.events().stream()
                        .map(e -> new HistoryView.Event(
                                e.seq(), e.at(), e.actor(), e.kind(), e.product(), e.detail(), e.hash(), e.prevHash()))
                        .toList(),
                head == null ? null : new HistoryView.Head(head.seq(), head.hash(), head.jws()),
                verdict.valid(),
                verdict.reason());
    }

    @Get(value = "/temporal", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "The raw Temporal event history (JSON), while Temporal retains it; payloads stay encrypted")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "object")))
    @ApiResponse(
            responseCode = "404",
            description = "unknown request, or Temporal no longer retains its history",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<String> temporal(@PathVariable String id) {
        requireKnown(id);
        try {
            return HttpResponse.ok(client.fetchHistory(WorkflowIds.request(id)).toJson(true))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (WorkflowNotFoundException e) {
            throw ProblemException.notFound("Temporal holds no history for request " + id);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw ProblemException.notFound("Temporal holds no history for request " + id);
            }
            throw ProblemException.unavailable("Temporal did not answer; try again");
        }
    }

    private void requireKnown(String id) {
        if (queries.find(id).isEmpty()) {
            throw ProblemException.unknownRequest(id);
        }
    }
}
