package dev.dsrflow.workflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;

/**
 * Asserts that an update was refused by its validator and returns the refusal type. SDK 1.38
 * delivers a validator's message but not its type, and only with an unencrypted converter:
 * tests that check refusal reasons use {@code TestRig.plain(...)}.
 */
public final class Refusals {
    private Refusals() {}

    /** Runs the update and returns the refusal's failure type (fails the test if accepted). */
    public static String typeOf(Runnable update) {
        Throwable thrown = catchThrowable(update::run);
        assertThat(thrown).isInstanceOf(WorkflowUpdateException.class);
        StringBuilder chain = new StringBuilder();
        String message = null;
        for (Throwable t = thrown.getCause(); t != null; t = t.getCause()) {
            chain.append(t).append(" <- ");
            if (t instanceof ApplicationFailure app) {
                message = app.getOriginalMessage();
            }
        }
        assertThat(message).as("an ApplicationFailure in " + chain).isNotNull().contains(": ");
        return message.substring(0, message.indexOf(": "));
    }
}
