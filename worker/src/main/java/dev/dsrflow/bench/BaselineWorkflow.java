package dev.dsrflow.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Bare Temporal: fan out {@code steps} sequential no-op activities to each of the given task queues. */
@WorkflowInterface
public interface BaselineWorkflow {
    @WorkflowMethod(name = "BenchBaselineFanOut")
    int fanOut(List<String> queues, int steps);

    /** The no-op activity each queue's worker runs. */
    @ActivityInterface
    interface Noop {
        String noop(String input);
    }

    /** The implementation: one activity stub per queue, all queues in parallel. */
    final class Impl implements BaselineWorkflow {
        @Override
        public int fanOut(List<String> queues, int steps) {
            List<Promise<Integer>> all = new ArrayList<>();
            for (String queue : queues) {
                Noop noop = Workflow.newActivityStub(
                        Noop.class,
                        ActivityOptions.newBuilder()
                                .setTaskQueue(queue)
                                .setStartToCloseTimeout(Duration.ofMinutes(1))
                                .build());
                all.add(Async.function(() -> {
                    for (int i = 0; i < steps; i++) {
                        noop.noop(queue);
                    }
                    return steps;
                }));
            }
            Promise.allOf(all).get();
            return all.size() * steps;
        }
    }
}
