package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.RequestStatus;
import java.util.EnumSet;
import java.util.Set;

/** In which statuses a request type may be cancelled. */
public record CancelRule(Set<RequestStatus> allowed, String explanation) {

    /** Access and download: any time before completion. */
    public static final CancelRule BEFORE_COMPLETION = new CancelRule(
            EnumSet.of(RequestStatus.RECEIVED, RequestStatus.AWAITING_APPROVAL, RequestStatus.IN_PROGRESS),
            "only before the request completes");

    /** Deletion: only before erasure starts. */
    public static final CancelRule BEFORE_ERASURE = new CancelRule(
            EnumSet.of(RequestStatus.RECEIVED, RequestStatus.AWAITING_APPROVAL, RequestStatus.GRACE_PERIOD),
            "only before erasure starts (during approval or the grace period)");

    /** Preservation: only before approval; afterwards legal releases it. */
    public static final CancelRule BEFORE_APPROVAL = new CancelRule(
            EnumSet.of(RequestStatus.RECEIVED, RequestStatus.AWAITING_APPROVAL),
            "only before approval; release an approved preservation instead");

    public boolean allows(RequestStatus status) {
        return allowed.contains(status);
    }
}
