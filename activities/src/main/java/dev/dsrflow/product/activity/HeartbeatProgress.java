package dev.dsrflow.product.activity;

import dev.dsrflow.product.Progress;
import io.temporal.activity.ActivityExecutionContext;
import java.util.Optional;

/**
 * Progress backed by Temporal heartbeats: each checkpoint is a heartbeat carrying the cursor,
 * and a retried attempt resumes from the last cursor the failed attempt heartbeated.
 */
final class HeartbeatProgress implements Progress {
  private final ActivityExecutionContext context;
  private final Optional<String> resumeFrom;

  HeartbeatProgress(ActivityExecutionContext context) {
    this.context = context;
    this.resumeFrom = context.getHeartbeatDetails(String.class);
  }

  @Override
  public void checkpoint(String cursor) {
    context.heartbeat(cursor);
  }

  @Override
  public Optional<String> resumeFrom() {
    return resumeFrom;
  }
}
