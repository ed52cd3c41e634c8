package dev.dsrflow.bench;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bare Temporal on the same embedded server and JVM: its own connection, client (default data
 * converter), worker factory, one workflow queue and {@code maxQueues} activity queues.
 */
final class BaselineBench implements AutoCloseable {
    private static final String WORKFLOW_QUEUE = "bench-baseline";
    private final WorkflowServiceStubs service;
    private final WorkflowClient client;
    private final WorkerFactory factory;
    private final CpuMeter cpuMeter;

    BaselineBench(String temporalAddress, int maxQueues, CpuMeter cpuMeter) {
        this.cpuMeter = cpuMeter;
        service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(temporalAddress)
                .build());
        client = WorkflowClient.newInstance(service);
        factory = WorkerFactory.newInstance(client);
        factory.newWorker(WORKFLOW_QUEUE).registerWorkflowImplementationTypes(BaselineWorkflow.Impl.class);
        for (String queue : queues(maxQueues)) {
            Worker w = factory.newWorker(queue);
            w.registerActivitiesImplementations((BaselineWorkflow.Noop) input -> input);
        }
        factory.start();
    }

    static List<String> queues(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add("bench-baseline-q-" + i);
        }
        return out;
    }

    /**
     * Starts {@code requests} fan-outs over {@code n} queues ({@code steps} activities each) at the given
     * concurrency.
     */
    RunResult run(String label, int n, int steps, int requests, int concurrency, int eventSample)
            throws InterruptedException {
        List<String> queues = queues(n);
        Samples start = new Samples();
        Samples done = new Samples();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        double cpu0 = cpuMeter.millis();
        ClosedLoop.Outcome outcome = ClosedLoop.run(requests, concurrency, i -> {
            String id = "bench-baseline-" + UUID.randomUUID();
            BaselineWorkflow wf = client.newWorkflowStub(
                    BaselineWorkflow.class,
                    WorkflowOptions.newBuilder()
                            .setWorkflowId(id)
                            .setTaskQueue(WORKFLOW_QUEUE)
                            .build());
            long t0 = System.nanoTime();
            WorkflowClient.start(wf::fanOut, queues, steps);
            start.add(System.nanoTime() - t0);
            WorkflowStub.fromTyped(wf).getResult(Integer.class);
            done.add(System.nanoTime() - t0);
            if (ids.size() < eventSample) {
                ids.add(id);
            }
            return true;
        });
        double cpu = (cpuMeter.millis() - cpu0) / Math.max(1, outcome.completed());
        double events = ids.stream()
                .mapToInt(id -> client.fetchHistory(id).getEvents().size())
                .average()
                .orElse(Double.NaN);
        ProcessMemory mem = ProcessMemory.now();
        return new RunResult(
                label,
                n,
                requests,
                outcome.completed(),
                outcome.completed() / outcome.wallSeconds(),
                start.percentileMillis(50),
                start.percentileMillis(99),
                Double.NaN,
                Double.NaN,
                done.percentileMillis(50),
                done.percentileMillis(99),
                events,
                cpu,
                mem.heapMb(),
                mem.rssMb());
    }

    @Override
    public void close() {
        factory.shutdownNow();
        service.shutdownNow();
    }
}
