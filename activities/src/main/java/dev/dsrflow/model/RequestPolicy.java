package dev.dsrflow.model;

import java.time.Duration;

/**
 * The configured durations a request runs under, fixed when it is filed so that a change of
 * configuration never moves the dates of a request already in flight.
 *
 * @param gracePeriod deletion: time from receipt during which the request can be cancelled
 * @param linkTtl download: how long the signed link stays valid
 * @param otherDeadline due period for jurisdiction OTHER
 * @param warningLead how long before the due date a warning is raised
 * @param autoApproveAll approve deletions and preservations without a second person (benchmarks only)
 * @param searchAttributes publish type, status, subject key and due date as Temporal search
 *     attributes (the cluster must have them registered: deploy/temporal/register-search-attributes.sh)
 * @param productBatchSize how many products one child workflow runs when a request's product
 *     step is split into batches (a request with more products than this is split); 0 means the
 *     orchestrator's default. Fixed with the request so a replay always splits the same way.
 * @param eraseBudget deletion: how long before the due date erasure must start at the latest; a grace
 *     period that would end later is shortened to the due date less this budget (null: {@link
 *     #DEFAULT_ERASE_BUDGET}, as in requests filed before the budget existed)
 * @param verificationCodeTtl how long a verification code mailed to the subject is good for (null:
 *     {@link #DEFAULT_CODE_TTL})
 */
public record RequestPolicy(
        Duration gracePeriod,
        Duration linkTtl,
        Duration otherDeadline,
        Duration warningLead,
        boolean autoApproveAll,
        boolean searchAttributes,
        int productBatchSize,
        Duration eraseBudget,
        Duration verificationCodeTtl) {

    /** The erase budget of a policy that names none. */
    public static final Duration DEFAULT_ERASE_BUDGET = Duration.ofDays(7);
    /** How long a verification code is good for when the policy names nothing else. */
    public static final Duration DEFAULT_CODE_TTL = Duration.ofMinutes(10);

    public RequestPolicy {
        if (eraseBudget == null) {
            eraseBudget = DEFAULT_ERASE_BUDGET;
        }
        if (verificationCodeTtl == null) {
            verificationCodeTtl = DEFAULT_CODE_TTL;
        }
    }

    /** A policy with the default verification code lifetime. */
    public RequestPolicy(
            Duration gracePeriod,
            Duration linkTtl,
            Duration otherDeadline,
            Duration warningLead,
            boolean autoApproveAll,
            boolean searchAttributes,
            int productBatchSize,
            Duration eraseBudget) {
        this(
                gracePeriod,
                linkTtl,
                otherDeadline,
                warningLead,
                autoApproveAll,
                searchAttributes,
                productBatchSize,
                eraseBudget,
                DEFAULT_CODE_TTL);
    }

    /** A policy with the default erase budget. */
    public RequestPolicy(
            Duration gracePeriod,
            Duration linkTtl,
            Duration otherDeadline,
            Duration warningLead,
            boolean autoApproveAll,
            boolean searchAttributes,
            int productBatchSize) {
        this(
                gracePeriod,
                linkTtl,
                otherDeadline,
                warningLead,
                autoApproveAll,
                searchAttributes,
                productBatchSize,
                DEFAULT_ERASE_BUDGET);
    }

    /** A policy with the default product batch size. */
    public RequestPolicy(
            Duration gracePeriod,
            Duration linkTtl,
            Duration otherDeadline,
            Duration warningLead,
            boolean autoApproveAll,
            boolean searchAttributes) {
        this(gracePeriod, linkTtl, otherDeadline, warningLead, autoApproveAll, searchAttributes, 0);
    }

    /** A policy without search attributes. */
    public RequestPolicy(
            Duration gracePeriod,
            Duration linkTtl,
            Duration otherDeadline,
            Duration warningLead,
            boolean autoApproveAll) {
        this(gracePeriod, linkTtl, otherDeadline, warningLead, autoApproveAll, false);
    }

    /** This policy with another product batch size (0: the orchestrator's default). */
    public RequestPolicy withProductBatchSize(int size) {
        return new RequestPolicy(
                gracePeriod,
                linkTtl,
                otherDeadline,
                warningLead,
                autoApproveAll,
                searchAttributes,
                size,
                eraseBudget,
                verificationCodeTtl);
    }

    /** This policy with another verification code lifetime. */
    public RequestPolicy withVerificationCodeTtl(Duration ttl) {
        return new RequestPolicy(
                gracePeriod,
                linkTtl,
                otherDeadline,
                warningLead,
                autoApproveAll,
                searchAttributes,
                productBatchSize,
                eraseBudget,
                ttl);
    }

    /** This policy with another erase budget. */
    public RequestPolicy withEraseBudget(Duration budget) {
        return new RequestPolicy(
                gracePeriod,
                linkTtl,
                otherDeadline,
                warningLead,
                autoApproveAll,
                searchAttributes,
                productBatchSize,
                budget,
                verificationCodeTtl);
    }

    public static final RequestPolicy DEFAULT =
            new RequestPolicy(Duration.ofDays(30), Duration.ofDays(4), Duration.ofDays(30), Duration.ofDays(7), false);
}
