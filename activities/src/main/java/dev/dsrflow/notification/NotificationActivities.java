package dev.dsrflow.notification;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Tells people about a request's outcome. Runs on the orchestrator's task queue. The default
 * runtime writes an outbox in the blob store; a mail or chat channel implements the same
 * interface. Idempotent by {@link Notice#id()}.
 */
@ActivityInterface(namePrefix = "Notification")
public interface NotificationActivities {
    /** Sends (or queues) the notice. */
    @ActivityMethod
    void send(Notice notice);
}
