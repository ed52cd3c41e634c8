package dev.dsrflow.api.drp;

import dev.dsrflow.ledger.LedgerEntry;
import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.RequestStatus;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Status callbacks (DRP 0.9.4 section 2.03), through a durable outbox in the ledger database:
 * every poll, each watched DRP request's exercise status is derived from the ledger; when it
 * differs from the one the agent last got, a callback is queued ({@code drp_callbacks}). Due
 * callbacks are claimed (so two API processes never send the same one), POSTed to the request's
 * {@code status_callback} (checked again against the agent's domains, redirects never followed,
 * a short timeout) and retried with exponential back-off until the configured give-up time. A
 * newer status supersedes an older one not yet sent. Each delivery, and each abandoned callback,
 * is an event in the request's ledger history.
 */
@Context
@Requires(property = "dsrflow.drp.business-id")
@Requires(property = "dsrflow.api.enabled", notEquals = "false") // API processes send them, workers do not
class StatusCallbacks {
    private static final Logger LOG = LoggerFactory.getLogger(StatusCallbacks.class);
    private static final int BATCH = 50;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final DrpStore store;
    private final ExerciseStatuses statuses;
    private final DrpFiling filing;
    private final AgentDirectory agents;
    private final LedgerStore ledger;
    private final DrpSettings settings;
    private final HttpClient http;
    private final ScheduledFuture<?> task;

    StatusCallbacks(
            DrpStore store,
            ExerciseStatuses statuses,
            DrpFiling filing,
            AgentDirectory agents,
            LedgerStore ledger,
            DrpSettings settings,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.store = store;
        this.statuses = statuses;
        this.filing = filing;
        this.agents = agents;
        this.ledger = ledger;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.callbackTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        LOG.info(
                "Data Rights Protocol 0.9.4 for business {}: agents {}; status callbacks every {}",
                settings.businessId(),
                agents.ids(),
                settings.pollInterval());
        this.task =
                scheduler.scheduleWithFixedDelay(settings.pollInterval(), settings.pollInterval(), this::pollQuietly);
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    private void pollQuietly() {
        try {
            queueChanges();
            sendDue();
        } catch (RuntimeException e) {
            LOG.warn("DRP status callbacks: poll failed: {}", e.toString());
        }
    }

    /** Queues a callback for every watched request whose exercise status changed. */
    void queueChanges() {
        for (DrpRequest request : store.watched(BATCH * 4)) {
            ExerciseStatus status = statuses.of(request);
            String body = filing.write(status);
            if (!body.equals(request.lastStatus())) {
                store.queueCallback(
                        request.requestId(),
                        request.lastStatus(),
                        status.status(),
                        body,
                        Instant.now().plus(settings.callbackGiveUp()),
                        status.isFinal());
            }
        }
    }

    /** Sends every due callback once. */
    void sendDue() {
        for (DrpStore.Callback callback :
                store.claimDue(settings.callbackTimeout().multipliedBy(3), BATCH)) {
            Optional<DrpRequest> request = store.find(callback.requestId());
            if (request.isEmpty() || request.get().statusCallback() == null) {
                store.finish(callback.id(), "no callback URL");
                continue;
            }
            send(callback, request.get());
        }
    }

    private void send(DrpStore.Callback callback, DrpRequest request) {
        String failure;
        try {
            Agent agent = agents.find(request.agentId())
                    .orElseThrow(() -> DrpRefusal.forbidden("agent-id", "the agent is no longer configured"));
            URI target = CallbackTargets.check(agent, request.statusCallback(), settings.allowLoopbackHttp());
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(settings.callbackTimeout())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(callback.body()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 == 2) {
                store.finish(callback.id(), "delivered: HTTP " + answer.statusCode());
                record(callback, request, "DRP_CALLBACK_DELIVERED", "HTTP " + answer.statusCode());
                return;
            }
            failure = "HTTP " + answer.statusCode();
        } catch (DrpRefusal e) {
            store.finish(callback.id(), "abandoned: " + e.getMessage());
            record(callback, request, "DRP_CALLBACK_ABANDONED", e.getMessage());
            return;
        } catch (IOException e) {
            failure = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        Instant next = Instant.now().plus(backoff(callback.attempts()));
        if (next.isAfter(callback.giveUpAt())) {
            store.finish(callback.id(), "abandoned: " + failure);
            record(
                    callback,
                    request,
                    "DRP_CALLBACK_ABANDONED",
                    failure + " at the last of " + callback.attempts() + " attempts");
            LOG.warn("DRP status callback {} of request {} abandoned: {}", callback.id(), request.requestId(), failure);
        } else {
            store.retryAt(callback.id(), next, "attempt " + callback.attempts() + ": " + failure);
        }
    }

    /** 1 s, 2 s, 4 s, ... up to the configured longest wait. */
    private Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(settings.callbackMaxBackoff()) > 0 ? settings.callbackMaxBackoff() : wait;
    }

    /** An event in the request's history; the snapshot (revision 0) never replaces the stored one. */
    private void record(DrpStore.Callback callback, DrpRequest request, String kind, String outcome) {
        if (request.deniedReason() != null) {
            return; // filed nowhere but in DRP's own table
        }
        RequestSnapshot unchanged = new RequestSnapshot(
                request.requestId(),
                0,
                null,
                RequestStatus.RECEIVED,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        LedgerEvent event = new LedgerEvent(
                request.requestId() + ":drp-callback:" + callback.id(),
                Instant.now(),
                "system",
                kind,
                null,
                "status " + callback.status() + " to the status_callback of authorized agent " + request.agentId()
                        + ": " + outcome + " (attempt " + callback.attempts() + ")");
        ledger.record(new LedgerEntry(unchanged, List.of(event)));
    }
}
