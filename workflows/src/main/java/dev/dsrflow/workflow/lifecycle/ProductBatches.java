package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.RecordedCatalogue;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.workflow.WorkflowIds;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a request's product step into batches run by child workflows
 * ({@link ProductBatchWorkflow}) once the request has more products than its batch size, so
 * the request's own history grows by a handful of events per batch instead of per product.
 * Products that fit in one batch run inline: the request schedules each product's call (or
 * chain of calls) itself, as promises, exactly as a batch child would, with no child and no
 * workflow thread per product.
 *
 * <p>The batch size is the request's {@code policy.productBatchSize}, or {@link #DEFAULT_SIZE}.
 * It is part of the workflow's input, so a replay always splits the same way.
 *
 * <p>Children: ids derived from the request's workflow id ({@link WorkflowIds#productBatch}),
 * the orchestrator's task queue, and a parent-close policy that requests their cancellation,
 * so a request that ends or is cancelled never leaves a batch running; cancelling the request's
 * scope cancels its batches and waits until they have stopped.
 */
public final class ProductBatches {
    /**
     * Products per batch unless the request's policy says otherwise: 50. Measured
     * (BatchedHistoryTest, batches of 20): a batch child records about 4 events per product for
     * a one-call step (activity scheduled, started, completed, plus its share of workflow tasks)
     * and about 7 for erase-and-verify, so a batch of 50 stays near 200-400 events, far under
     * Temporal's 10,240 warning, with at most 50 pending activities (limit 2,000). Its result
     * carries one outcome per product: ~60-70 KB for 50 products located or exported with 8
     * files each (BatchPayloadSizeTest), under the 256 KB payload warning. The request itself
     * records about 3-4 events per batch (child initiated, started, completed; a ledger marker;
     * workflow tasks shared with other batches), so 2,000 products cost it 40 batches and
     * 20,000 products 400; the 2,000 pending children per execution bound a request at 100,000
     * products. A larger batch would shorten the request's history but push a child's result
     * towards the payload warning when products return long export manifests.
     */
    public static final int DEFAULT_SIZE = 50;

    /**
     * Work that was started, and its outcomes to come: a batch child, or one product run inline.
     *
     * @param label what runs, for a failure's detail ("batch 3", "product profile")
     * @param products its products, in order
     * @param result one outcome per product, in order
     */
    public record Started(String label, List<String> products, Promise<List<BatchOutcome>> result) {}

    private final RequestState state;
    private final ProductStubs stubs;
    private final Map<ProductStep, Integer> rounds = new EnumMap<>(ProductStep.class);

    /**
     * Batches for a request, whose products are called through {@code stubs} (built from its recorded
     * catalogue); each batch child carries its products' entries of that catalogue.
     */
    public ProductBatches(RequestState state, ProductStubs stubs) {
        this.state = state;
        this.stubs = stubs;
    }

    /** Products per batch for this request. */
    public int size() {
        int fromPolicy = state.spec().policy().productBatchSize();
        return fromPolicy > 0 ? fromPolicy : DEFAULT_SIZE;
    }

    /** Whether a step over {@code products} products runs in batches: more than the batch size. */
    public boolean runsInBatches(int products) {
        return products > size();
    }

    /**
     * Starts the step over {@code products} (in order) and returns it, running: one child per batch
     * when they outnumber the batch size, else each product inline, scheduled from the request as
     * {@code inline} says (the chain the step's batch children run, or {@link BatchStep#oneCall}).
     */
    public List<Started> start(ProductStep step, StepContext context, List<String> products, BatchStep inline) {
        if (!runsInBatches(products.size())) {
            List<Started> started = new ArrayList<>();
            for (String product : products) {
                Promise<BatchOutcome> outcome = inline.run(stubs, context, product);
                started.add(new Started("product " + product, List.of(product), outcome.thenApply(o -> List.of(o))));
            }
            return started;
        }
        state.useCompactSnapshots(); // thousands of products: snapshots without step results (see RequestState)
        int round = rounds.merge(step, 1, Integer::sum);
        int size = size();
        ProductCatalog catalog = stubs.catalog();
        List<Started> started = new ArrayList<>();
        for (int from = 0, index = 0; from < products.size(); from += size, index++) {
            List<String> part = List.copyOf(products.subList(from, Math.min(products.size(), from + size)));
            ProductBatch batch = new ProductBatch(step, index, context, part, RecordedCatalogue.of(catalog.only(part)));
            ProductBatchWorkflow child =
                    Workflow.newChildWorkflowStub(ProductBatchWorkflow.class, options(context, step, round, index));
            started.add(new Started(
                    "batch " + index, part, Async.function(child::run, batch).thenApply(ProductBatchResult::outcomes)));
        }
        return started;
    }

    /**
     * The outcomes of finished work. A batch child that failed (it should not: it catches its
     * activities' failures), or an inline call that ended without an outcome (cancelled on its
     * own), fails each of its products, for an operator; when the request itself is being
     * cancelled the cancellation goes on.
     */
    public static List<BatchOutcome> outcomes(Started started) {
        try {
            return started.result().get();
        } catch (CanceledFailure cancelled) {
            throw cancelled;
        } catch (ChildWorkflowFailure | ActivityFailure failure) {
            if (CancellationScope.current().isCancelRequested()) {
                throw new CanceledFailure("the request was cancelled while " + started.label() + " ran");
            }
            String why = started.label() + " failed: "
                    + (failure.getCause() == null
                            ? failure.getMessage()
                            : failure.getCause().getClass().getSimpleName());
            return started.products().stream()
                    .map(p -> new BatchOutcome(p, ProductTaskStatus.FAILED, why, null, List.of(), 0))
                    .toList();
        }
    }

    /** Runs a step of one call per product over the products and waits for all: outcomes by product. */
    public Map<String, StepOutcome> runAll(ProductStep step, StepContext context, List<String> products) {
        Map<String, StepOutcome> out = new LinkedHashMap<>();
        for (Started started : start(step, context, products, BatchStep.oneCall(step))) {
            for (BatchOutcome outcome : outcomes(started)) {
                out.put(outcome.product(), outcome.toStepOutcome());
            }
        }
        return out;
    }

    /**
     * The batch's id derives from the request's workflow id as {@link WorkflowIds#request} names it
     * (replays agree).
     */
    private static ChildWorkflowOptions options(StepContext context, ProductStep step, int round, int index) {
        return ChildWorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.productBatch(
                        WorkflowIds.request(context.requestId()), step.name().toLowerCase(Locale.ROOT), round, index))
                .setTaskQueue(Workflow.getInfo().getTaskQueue())
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
                .setCancellationType(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED)
                .build();
    }
}
