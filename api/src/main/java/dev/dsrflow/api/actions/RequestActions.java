package dev.dsrflow.api.actions;

import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.requests.LedgerQueries;
import dev.dsrflow.api.requests.RequestView;
import dev.dsrflow.api.requests.RequestViews;
import dev.dsrflow.api.security.Roles;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.WorkflowIds;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries an operator's action to the request's workflow as a Temporal Update, with the
 * authenticated user as actor. The workflow's validator decides what the state allows; a
 * refusal is a 409. The API itself checks only what it can know without the workflow: that the
 * request exists (404), the caller's role for the request's type (403) and four eyes (409).
 *
 * <p>Updates run on a bounded pool ({@code dsrflow.api.action-concurrency} calls at once, no
 * queue): when every place is taken the action answers 503 at once instead of piling up threads
 * behind a workflow that does not answer; an update that outlives {@code dsrflow.api.update-timeout}
 * is cancelled (its thread interrupted, which cancels the gRPC call) and frees its place.
 */
@Singleton
public class RequestActions implements AutoCloseable {
    static final int MAX_REASON = 2000;

    private final WorkflowClient client;
    private final LedgerQueries queries;
    private final RequestViews views;
    private final ThreadPoolExecutor calls;
    private final Duration timeout;

    RequestActions(
            WorkflowClient client,
            LedgerQueries queries,
            RequestViews views,
            @Value("${dsrflow.api.update-timeout:30s}") Duration timeout,
            @Value("${dsrflow.api.action-concurrency:32}") int concurrency) {
        this.client = client;
        this.queries = queries;
        this.views = views;
        this.timeout = timeout;
        AtomicInteger threads = new AtomicInteger();
        this.calls = new ThreadPoolExecutor(
                concurrency, concurrency, 1, TimeUnit.MINUTES, new SynchronousQueue<>(), task -> {
                    Thread t = new Thread(task, "dsrflow-action-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.calls.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    @Override
    public void close() {
        calls.shutdownNow();
    }

    /** Who may take an action, by request type. */
    public interface Permission {
        /** The role needed to act on a request of this type. */
        String roleFor(RequestType type);
    }

    /**
     * Runs the update and answers the request's new view.
     *
     * @param fourEyes whether the requester is refused (approve, reject)
     */
    public RequestView act(
            String requestId,
            String update,
            Object argument,
            Authentication actor,
            Permission permission,
            boolean fourEyes) {
        RequestView current = queries.find(requestId).orElseThrow(() -> ProblemException.unknownRequest(requestId));
        String role = permission.roleFor(current.type());
        if (!actor.getRoles().contains(role)) {
            throw ProblemException.forbidden(update + " on a " + current.type() + " request needs " + role);
        }
        if (fourEyes && actor.getName().equals(current.requestedBy())) {
            throw ProblemException.conflict("The requester cannot " + update + " their own request (four eyes)");
        }
        RequestSnapshot snapshot;
        try {
            snapshot = await(submit(() -> client.newUntypedWorkflowStub(WorkflowIds.request(requestId))
                    .update(update, RequestSnapshot.class, argument)));
        } catch (WorkflowUpdateException e) {
            throw ProblemException.conflict("The request's state does not allow " + update + ": " + reason(e));
        } catch (WorkflowNotFoundException e) {
            throw ProblemException.conflict("The request's workflow is not running (status " + current.status() + ")");
        } catch (WorkflowServiceException | io.grpc.StatusRuntimeException e) {
            throw ProblemException.unavailable("Temporal did not answer; try again");
        }
        return RequestViews.visibleTo(views.of(snapshot), actor);
    }

    private Future<RequestSnapshot> submit(Callable<RequestSnapshot> call) {
        try {
            return calls.submit(call);
        } catch (RejectedExecutionException e) {
            throw ProblemException.unavailable("Too many operator actions are waiting for their workflows (at most "
                    + calls.getMaximumPoolSize() + "); try again shortly");
        }
    }

    /**
     * Waits for the update at most the configured time: with no orchestrator worker polling, an
     * update would wait indefinitely. Then the call is cancelled. The update may still apply
     * later (Temporal may have accepted it); the 503 says so.
     */
    private RequestSnapshot await(Future<RequestSnapshot> update) {
        try {
            return update.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            update.cancel(true);
            throw ProblemException.unavailable("The request's workflow did not answer within " + timeout.toSeconds()
                    + "s; the action may still apply, so check the request before repeating it");
        } catch (InterruptedException e) {
            update.cancel(true);
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while waiting for the request's workflow");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "is required");
        }
        return checkReason(reason);
    }

    static String checkReason(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "at most " + MAX_REASON + " characters");
        }
        return reason;
    }

    private static String reason(WorkflowUpdateException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ApplicationFailure af) {
            return af.getOriginalMessage();
        }
        if (cause instanceof TemporalFailure tf) {
            return tf.getOriginalMessage();
        }
        return "refused";
    }

    /** The roles of the action table in API.md. */
    static final Permission OPS = type -> Roles.PRIVACY_OPS;

    /**
     * The role that owns a request of this type and steers it (cancel, retry, complete, skip):
     * LEGAL for a preservation, PRIVACY_OPS for the rest.
     */
    static final Permission OWNER = type -> type == RequestType.PRESERVATION ? Roles.LEGAL : Roles.PRIVACY_OPS;

    static final Permission LEGAL = type -> Roles.LEGAL;
    static final Permission APPROVER = OWNER;
}
