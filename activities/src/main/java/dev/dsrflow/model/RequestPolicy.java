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
 */
public record RequestPolicy(
    Duration gracePeriod,
    Duration linkTtl,
    Duration otherDeadline,
    Duration warningLead,
    boolean autoApproveAll) {

  public static final RequestPolicy DEFAULT =
      new RequestPolicy(Duration.ofDays(30), Duration.ofDays(4), Duration.ofDays(30), Duration.ofDays(7), false);
}
