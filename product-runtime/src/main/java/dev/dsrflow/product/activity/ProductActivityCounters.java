package dev.dsrflow.product.activity;

import dev.dsrflow.temporal.TaskQueues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * Counts each attempt of a product activity by product, step and outcome
 * ({@code dsrflow_product_attempts_total}), and the retries, attempts after the first
 * ({@code dsrflow_product_retries_total}), on the worker that runs it: a dsrflow process or a
 * team's standalone worker. The Temporal SDK's own {@code temporal_activity_*} metrics give
 * latencies; these give the per-product view. Labels are product ids, activity types and
 * outcomes: never a request id or a subject key.
 */
public class ProductActivityCounters extends WorkerInterceptorBase {
    private final MeterRegistry registry;

    public ProductActivityCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private ActivityInfo info;

            @Override
            public void init(ActivityExecutionContext context) {
                info = context.getInfo();
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                String product = TaskQueues.productOf(info.getActivityTaskQueue());
                if (product == null) {
                    return super.execute(input);
                }
                if (info.getAttempt() > 1) {
                    Counter.builder("dsrflow.product.retries")
                            .description("Product activity attempts after the first")
                            .tag("product", product)
                            .tag("step", info.getActivityType())
                            .register(registry)
                            .increment();
                }
                boolean ok = false;
                try {
                    ActivityOutput output = super.execute(input);
                    ok = true;
                    return output;
                } finally {
                    Counter.builder("dsrflow.product.attempts")
                            .description("Product activity attempts by outcome")
                            .tag("product", product)
                            .tag("step", info.getActivityType())
                            .tag("outcome", ok ? "success" : "failure")
                            .register(registry)
                            .increment();
                }
            }
        };
    }
}
