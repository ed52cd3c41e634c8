package dev.dsrflow.runtime;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** True when this process runs the orchestrator or product workers. */
public final class AnyWorkerEnabled implements Condition {
    @Override
    public boolean matches(ConditionContext context) {
        return context.getProperty("dsrflow.orchestrator.enabled", Boolean.class)
                        .orElse(false)
                || context.getProperty("dsrflow.product-workers.enabled", Boolean.class)
                        .orElse(false);
    }
}
