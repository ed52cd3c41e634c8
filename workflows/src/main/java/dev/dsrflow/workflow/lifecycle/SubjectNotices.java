package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.notification.NoticeKind;
import dev.dsrflow.notification.SubjectNotice;
import dev.dsrflow.notification.SubjectNoticeActivities;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A request's notices to its data subject, sent by an activity with retries (through the
 * ledger's outbox: each is sent once, its key {@code <requestId>:<kind>:<seq>}). A request
 * filed without a contact address sends none and schedules nothing. Notices go out beside the
 * work, not before it (a relay that is down never holds a request up), one after another in
 * the order they were dispatched; the request waits for them only before its workflow closes
 * ({@link #awaitSent}).
 */
public final class SubjectNotices {
    private final RequestState state;
    private final SubjectNoticeActivities activities =
            OrchestratorStubs.regular(SubjectNoticeActivities.class, Duration.ofMinutes(1));
    private final Map<NoticeKind, Integer> sent = new EnumMap<>(NoticeKind.class);
    private final List<Promise<Void>> pending = new ArrayList<>();

    public SubjectNotices(RequestState state) {
        this.state = state;
    }

    /** Whether the request has a contact address to send notices to. */
    public boolean enabled() {
        return state.spec().notifySubject();
    }

    /** Mails a fresh verification code, good until {@code expiresAt}; returns the notice id and the code's hash. */
    public IssuedCode sendCode(Instant expiresAt) {
        SubjectNotice notice = next(NoticeKind.VERIFICATION_CODE, null, null, expiresAt, List.of());
        return new IssuedCode(notice.id(), activities.sendCode(notice));
    }

    /** A code mailed to the subject: the notice that carried it and the code's keyed hash. */
    public record IssuedCode(String noticeId, String hash) {}

    /** The request was received (and verified): its due date and status page. */
    public void acknowledge() {
        send(NoticeKind.ACKNOWLEDGEMENT, null);
    }

    /** The due date moved, with the reason. */
    public void extension(String reason) {
        send(NoticeKind.EXTENSION, reason);
    }

    /** The request's outcome once it ended: completed (by type) or rejected; nothing for the others. */
    public void outcome() {
        RequestSpec spec = state.spec();
        if (state.status() == RequestStatus.REJECTED) {
            send(NoticeKind.REJECTED, state.endReason());
        } else if (state.status() == RequestStatus.COMPLETED) {
            if (spec.type() == RequestType.ACCESS) {
                send(NoticeKind.ACCESS_READY, null);
            } else if (spec.type() == RequestType.DOWNLOAD && state.download() != null) {
                if (enabled()) {
                    dispatch(next(
                            NoticeKind.DOWNLOAD_READY,
                            null,
                            state.download().token(),
                            state.download().expiresAt(),
                            List.of()));
                }
            } else if (spec.type() == RequestType.DELETION) {
                if (enabled()) {
                    dispatch(next(NoticeKind.DELETION_DONE, null, null, null, kept()));
                }
            }
        }
    }

    private void send(NoticeKind kind, String reason) {
        if (enabled()) {
            dispatch(next(kind, reason, null, null, List.of()));
        }
    }

    /**
     * Sends the notice once the one dispatched before it is out (or has failed for good), so the
     * subject reads them in the order they happened: the acknowledgement never arrives after
     * the report, even when its first attempt fails after the send and is retried.
     */
    private void dispatch(SubjectNotice notice) {
        Promise<Void> sent = pending.isEmpty()
                ? Async.procedure(activities::send, notice)
                : pending.get(pending.size() - 1)
                        .handle((done, failure) -> null)
                        .thenCompose(previous -> Async.procedure(activities::send, notice));
        pending.add(sent);
    }

    /** Waits until every notice dispatched so far has been sent (before the workflow closes). */
    public void awaitSent() {
        Promise.allOf(pending).get();
    }

    /** What a deletion kept: products skipped (with the operator's reason) or still held. */
    private List<String> kept() {
        return state.products().stream()
                .filter(t -> t.status() == ProductTaskStatus.SKIPPED || t.status() == ProductTaskStatus.DEFERRED)
                .map(t -> t.product() + ": "
                        + (t.status() == ProductTaskStatus.DEFERRED
                                ? "kept under a legal hold"
                                : "not erased (" + t.detail() + ")"))
                .toList();
    }

    private SubjectNotice next(NoticeKind kind, String reason, String token, Instant expiresAt, List<String> kept) {
        int seq = sent.merge(kind, 1, Integer::sum);
        RequestSpec spec = state.spec();
        return new SubjectNotice(
                spec.id(), kind, seq, spec.type(), spec.jurisdiction(), state.dueAt(), reason, token, expiresAt, kept);
    }
}
