package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.notification.CodeCheck;
import dev.dsrflow.notification.SubjectNoticeActivities;
import dev.dsrflow.workflow.CodeAttempt;
import dev.dsrflow.workflow.CodeResend;
import dev.dsrflow.workflow.VerificationAnswer;
import dev.dsrflow.workflow.VerificationAnswer.Outcome;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code AWAITING_VERIFICATION}: the subject proves control of their address with a 6-digit code
 * mailed to it (drawn from a CSPRNG in the notice activity, kept only as its keyed hash). A code
 * is good for the policy's code lifetime (default {@link #CODE_TTL}) and {@link #MAX_TRIES} tries; {@link
 * #MAX_RESENDS} new codes may
 * be asked for; a request still unverified {@link #WINDOW} after receipt is rejected
 * {@code UNVERIFIED} (a durable timer).
 *
 * <p>Deadline rule, the same for every jurisdiction: the due date runs from receipt, and waiting
 * for verification does not stop it. CCPA regulations say so outright (Cal. Code Regs. tit. 11,
 * § 7021(b): the 45 days begin on the day the request is received, whatever the time needed to
 * verify). For GDPR the EDPB (Guidelines 01/2022, on access) allows the month to be suspended
 * until the controller has what it asked for to identify the person; dsrflow does not use that
 * latitude: a due date from receipt is never later than the law allows under either reading, the
 * date shown at filing never moves, and a 7-day verification window fits inside every deadline.
 */
public final class IdentityCheck {
    /** A code's lifetime unless the request's policy names another ({@code dsrflow.policy.verification-code-ttl}). */
    public static final Duration CODE_TTL = RequestPolicy.DEFAULT_CODE_TTL;

    public static final int MAX_TRIES = 5;
    public static final int MAX_RESENDS = 3;
    public static final Duration WINDOW = Duration.ofDays(7);
    /** The rejection reason of a request never verified. */
    public static final String UNVERIFIED = "UNVERIFIED";
    /** The actor recorded for what the data subject does. */
    public static final String SUBJECT = "subject";

    private final RequestState state;
    private final RequestJournal journal;
    private final SubjectNotices notices;
    private final SubjectNoticeActivities checks = OrchestratorStubs.local(SubjectNoticeActivities.class);
    private SubjectNotices.IssuedCode code;
    private Instant codeExpiresAt;
    private int tries;
    private int resends;
    private boolean resendAsked;
    private boolean verified;

    public IdentityCheck(RequestState state, RequestJournal journal, SubjectNotices notices) {
        this.state = state;
        this.journal = journal;
        this.notices = notices;
    }

    /**
     * Waits for the subject to verify; true once verified (status left for the caller to set),
     * false when the window closed (the request is then REJECTED with reason UNVERIFIED) or an
     * operator ended it meanwhile.
     */
    public boolean await() {
        state.moveTo(RequestStatus.AWAITING_VERIFICATION);
        journal.note("AWAITING_VERIFICATION", "a verification code is sent to the subject's contact address");
        issue();
        Instant closes = state.spec().receivedAt().plus(WINDOW);
        while (!verified) {
            Duration left = Duration.between(WorkflowClock.now(), closes);
            if (left.isNegative()
                    || left.isZero()
                    || !Workflow.await(left, () -> verified || resendAsked || state.isFinal())) {
                state.setEndReason(UNVERIFIED + ": the request was not verified within " + WINDOW.toDays() + " days");
                return false;
            }
            if (state.isFinal()) {
                return false;
            }
            if (resendAsked && !verified) {
                issue();
                resendAsked = false;
            }
        }
        return true;
    }

    private void issue() {
        Instant expiresAt = WorkflowClock.now().plus(state.spec().policy().verificationCodeTtl());
        SubjectNotices.IssuedCode issued = notices.sendCode(expiresAt);
        codeExpiresAt = expiresAt;
        tries = 0;
        code = issued;
    }

    public void validateVerify(CodeAttempt attempt) {
        if (attempt == null || attempt.code() == null || !attempt.code().matches("[0-9]{6}")) {
            throw Rejections.of(Rejections.INVALID_INPUT, "code must be six digits");
        }
        requireAwaiting();
    }

    public VerificationAnswer verify(CodeAttempt attempt) {
        // the mail may reach the subject before its activity's completion reaches this workflow
        Workflow.await(() -> code != null);
        if (WorkflowClock.now().isAfter(codeExpiresAt)) {
            return answer(Outcome.EXPIRED);
        }
        if (tries >= MAX_TRIES) {
            return answer(Outcome.LOCKED);
        }
        tries++;
        String noticeId = code.noticeId();
        if (checks.codeMatches(new CodeCheck(noticeId, code.hash(), attempt.code()))
                && noticeId.equals(code.noticeId())
                && !verified) {
            verified = true;
            journal.record(SUBJECT, "VERIFIED", "identity confirmed with the code sent by e-mail");
            // the run moves the request on at once: answer with the status it moved to
            Workflow.await(() -> state.status() != RequestStatus.AWAITING_VERIFICATION);
            return answer(Outcome.VERIFIED);
        }
        if (tries >= MAX_TRIES) {
            journal.note("VERIFICATION_LOCKED", MAX_TRIES + " wrong codes: a new code must be asked for");
        }
        return answer(Outcome.WRONG);
    }

    public void validateResend(CodeResend resend) {
        requireAwaiting();
        if (resends >= MAX_RESENDS || resendAsked) {
            throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "no more codes can be sent for this request");
        }
    }

    public RequestSnapshot resend(CodeResend resend) {
        resends++;
        resendAsked = true;
        Workflow.await(() -> !resendAsked || state.isFinal() || verified);
        return journal.record(
                SUBJECT, "CODE_RESENT", "new verification code sent (" + resends + " of " + MAX_RESENDS + ")");
    }

    private void requireAwaiting() {
        if (state.status() != RequestStatus.AWAITING_VERIFICATION) {
            throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "the request is not awaiting verification");
        }
    }

    private VerificationAnswer answer(Outcome outcome) {
        return new VerificationAnswer(outcome, Math.max(0, MAX_TRIES - tries), state.status());
    }
}
