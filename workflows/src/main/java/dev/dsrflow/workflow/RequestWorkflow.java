package dev.dsrflow.workflow;

import dev.dsrflow.ledger.RequestSnapshot;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;

/**
 * What every request workflow answers, whatever its type. Each operator action is an Update:
 * its validator rejects what the request's state does not allow (no history is written, the
 * API answers 409); an accepted action is recorded with its actor in the ledger before the
 * update returns the request's new state.
 */
public interface RequestWorkflow {
    /**
     * Memo a request's workflow is started with (value {@code true}) when the ledger re-drives it
     * after its earlier workflow was lost: the new run then re-applies the operators' decisions
     * the ledger holds. A first start carries no memo and asks the ledger nothing.
     */
    String REDRIVEN_MEMO = "dsrflow.redriven";

    /** A second person approves (four eyes: never the requester). */
    @UpdateMethod(name = RequestUpdates.APPROVE)
    RequestSnapshot approve(OperatorAction action);

    @UpdateValidatorMethod(updateName = RequestUpdates.APPROVE)
    void validateApprove(OperatorAction action);

    /** A second person rejects, with a reason: the request ends REJECTED. */
    @UpdateMethod(name = RequestUpdates.REJECT)
    RequestSnapshot reject(OperatorAction action);

    @UpdateValidatorMethod(updateName = RequestUpdates.REJECT)
    void validateReject(OperatorAction action);

    /** Cancels: a deletion before erasure starts; access and download before completion. */
    @UpdateMethod(name = RequestUpdates.CANCEL)
    RequestSnapshot cancel(OperatorAction action);

    @UpdateValidatorMethod(updateName = RequestUpdates.CANCEL)
    void validateCancel(OperatorAction action);

    /** Extends the due date once, with a reason, before the original due date. */
    @UpdateMethod(name = RequestUpdates.EXTEND)
    RequestSnapshot extend(OperatorAction action);

    @UpdateValidatorMethod(updateName = RequestUpdates.EXTEND)
    void validateExtend(OperatorAction action);

    /** Runs a FAILED product again, from where it stopped. */
    @UpdateMethod(name = RequestUpdates.RETRY_PRODUCT)
    RequestSnapshot retryProduct(ProductAction action);

    @UpdateValidatorMethod(updateName = RequestUpdates.RETRY_PRODUCT)
    void validateRetryProduct(ProductAction action);

    /** Marks a FAILED or MANUAL product DONE by hand, with a note. */
    @UpdateMethod(name = RequestUpdates.COMPLETE_PRODUCT)
    RequestSnapshot completeProduct(ProductAction action);

    @UpdateValidatorMethod(updateName = RequestUpdates.COMPLETE_PRODUCT)
    void validateCompleteProduct(ProductAction action);

    /** Skips a product with a reason. */
    @UpdateMethod(name = RequestUpdates.SKIP_PRODUCT)
    RequestSnapshot skipProduct(ProductAction action);

    @UpdateValidatorMethod(updateName = RequestUpdates.SKIP_PRODUCT)
    void validateSkipProduct(ProductAction action);

    /** Preservation: legal renews the hold until a later instant. */
    @UpdateMethod(name = RequestUpdates.RENEW)
    RequestSnapshot renew(Renewal renewal);

    @UpdateValidatorMethod(updateName = RequestUpdates.RENEW)
    void validateRenew(Renewal renewal);

    /** Preservation: legal releases the hold, with a reason. */
    @UpdateMethod(name = RequestUpdates.RELEASE)
    RequestSnapshot release(OperatorAction action);

    @UpdateValidatorMethod(updateName = RequestUpdates.RELEASE)
    void validateRelease(OperatorAction action);

    /**
     * The data subject enters the code mailed to them. The validator refuses a request not
     * awaiting verification and a code that is not six digits; the answer says whether it
     * verified, and if not how many tries remain or that the code expired or is locked.
     */
    @UpdateMethod(name = RequestUpdates.VERIFY)
    VerificationAnswer verify(CodeAttempt attempt);

    @UpdateValidatorMethod(updateName = RequestUpdates.VERIFY)
    void validateVerify(CodeAttempt attempt);

    /** Sends a new verification code (a bounded number of times); returns once it is sent. */
    @UpdateMethod(name = RequestUpdates.RESEND_CODE)
    RequestSnapshot resendCode(CodeResend resend);

    @UpdateValidatorMethod(updateName = RequestUpdates.RESEND_CODE)
    void validateResendCode(CodeResend resend);

    /** The request's current state (as last written to the ledger, or newer). */
    @QueryMethod(name = RequestUpdates.VIEW)
    RequestSnapshot view();
}
