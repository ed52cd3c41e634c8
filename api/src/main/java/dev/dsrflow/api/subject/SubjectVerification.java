package dev.dsrflow.api.subject;

import dev.dsrflow.api.problem.FieldError;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.requests.LedgerQueries;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.workflow.CodeAttempt;
import dev.dsrflow.workflow.CodeResend;
import dev.dsrflow.workflow.RequestUpdates;
import dev.dsrflow.workflow.VerificationAnswer;
import dev.dsrflow.workflow.WorkflowIds;
import io.micronaut.http.HttpStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Checks a data subject's verification code against their request's workflow (its
 * {@code verify} update) and sends new codes: the one entry point for every channel that verifies
 * a subject (the privacy center; the DRP agents' requests that need the user's confirmation call
 * it with the request id). Answers the outcome, or a problem: 404 unknown request, 400 malformed
 * or wrong code (with the tries left), 410 expired or locked code, 409 not awaiting verification.
 */
@Singleton
public class SubjectVerification {
    private final WorkflowClient client;
    private final LedgerQueries queries;

    SubjectVerification(WorkflowClient client, LedgerQueries queries) {
        this.client = client;
        this.queries = queries;
    }

    /** Checks the code; a VERIFIED answer, or the problem that says why not. */
    public VerificationAnswer verify(String requestId, String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            throw ProblemException.invalid("code", "must be the six digits from the e-mail");
        }
        requireAwaiting(requestId);
        VerificationAnswer answer =
                update(requestId, RequestUpdates.VERIFY, VerificationAnswer.class, new CodeAttempt(code));
        return switch (answer.outcome()) {
            case VERIFIED -> answer;
            case WRONG -> throw wrongCode(answer.remainingTries());
            case LOCKED -> throw ProblemException.gone("This code is locked after 5 wrong tries; ask for a new code");
            case EXPIRED -> throw ProblemException.gone("This code has expired; ask for a new code");
        };
    }

    /** Mails a new code (a bounded number of times per request). */
    public void resend(String requestId, String channel) {
        requireAwaiting(requestId);
        update(requestId, RequestUpdates.RESEND_CODE, RequestSnapshot.class, new CodeResend(channel));
    }

    private void requireAwaiting(String requestId) {
        RequestStatus status = queries.find(requestId)
                .orElseThrow(() -> ProblemException.unknownRequest(requestId))
                .status();
        if (status != RequestStatus.AWAITING_VERIFICATION && status != RequestStatus.RECEIVED) {
            throw ProblemException.conflict("The request is not awaiting verification (status " + status + ")");
        }
    }

    private <T> T update(String requestId, String name, Class<T> result, Object argument) {
        try {
            return client.newUntypedWorkflowStub(WorkflowIds.request(requestId)).update(name, result, argument);
        } catch (WorkflowUpdateException e) {
            throw ProblemException.conflict("The request is not awaiting verification, or no more codes can be sent");
        } catch (WorkflowNotFoundException e) {
            throw ProblemException.conflict("The request's workflow is not running");
        } catch (WorkflowServiceException | io.grpc.StatusRuntimeException e) {
            throw ProblemException.unavailable("Temporal did not answer; try again");
        }
    }

    private static ProblemException wrongCode(int remaining) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                "/problems/wrong-code",
                "Wrong code; " + remaining + " tries left",
                List.of(new FieldError("code", "wrong code; " + remaining + " tries left")));
    }
}
