package dev.dsrflow.workflow.lifecycle;

import io.temporal.workflow.Workflow;
import java.time.Instant;

/** The workflow's clock: deterministic time, as recorded in history (never the wall clock). */
public final class WorkflowClock {
    private WorkflowClock() {}

    /** The workflow's current time as an instant. */
    public static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
