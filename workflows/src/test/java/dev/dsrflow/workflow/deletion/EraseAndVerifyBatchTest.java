package dev.dsrflow.workflow.deletion;

import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static dev.dsrflow.catalogue.InformationCategory.MESSAGES;
import static dev.dsrflow.catalogue.InformationCategory.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.lifecycle.BatchOutcome;
import dev.dsrflow.workflow.lifecycle.ProductBatch;
import dev.dsrflow.workflow.lifecycle.ProductBatchResult;
import dev.dsrflow.workflow.lifecycle.ProductBatchWorkflow;
import dev.dsrflow.workflow.lifecycle.RequestState;
import dev.dsrflow.workflow.lifecycle.StepContext;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A batch child running the erase step on its own ({@link EraseAndVerify#inBatch}): verify, bounded
 * re-erase and failures per product, each product's calls reported for the request's tally.
 */
class EraseAndVerifyBatchTest {
    private final TestRig rig = new TestRig(List.of(
            TestRig.product("profile", true, PROFILE),
            TestRig.product("content", true, CONTENT),
            TestRig.product("messaging", true, MESSAGES),
            TestRig.product("ads", true, PROFILE)));

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void anEraseBatchVerifiesReErasesABoundedNumberOfTimesAndReportsEachProduct() {
        rig.product("profile").seed("sk-eb", 2);
        rig.product("content").seed("sk-eb", 3).leaveResidue(1);
        rig.product("messaging").seed("sk-eb", 3).leaveResidue(10);
        rig.product("ads").failPermanently("erase");
        var spec = rig.spec(
                RequestType.DELETION, Jurisdiction.GDPR, "sk-eb", List.of("profile", "content", "messaging", "ads"));
        ProductBatchWorkflow batch = rig.client.newWorkflowStub(
                ProductBatchWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId("erase-batch-test")
                        .setTaskQueue(TaskQueues.ORCHESTRATOR)
                        .build());

        ProductBatchResult result = batch.run(new ProductBatch(
                ProductStep.ERASE, 0, StepContext.of(new RequestState(spec), null), spec.products(), spec.catalogue()));

        Map<String, BatchOutcome> by =
                result.outcomes().stream().collect(Collectors.toMap(BatchOutcome::product, Function.identity()));
        assertThat(by.get("profile").status()).isEqualTo(ProductTaskStatus.DONE);
        assertThat(by.get("profile").detail()).isEqualTo("erased 2 items; verified: 0 left");
        assertThat(tally(by.get("profile")).eraseRuns()).isEqualTo(1);
        assertThat(by.get("content").status()).isEqualTo(ProductTaskStatus.DONE);
        assertThat(tally(by.get("content"))).satisfies(t -> {
            assertThat(t.eraseRuns()).isEqualTo(2);
            assertThat(t.itemsErased()).isEqualTo(3);
            assertThat(t.verified()).isTrue();
        });
        assertThat(EraseAndVerify.residues(by.get("content").calls()))
                .containsExactly("1 items left after erase run 1");
        assertThat(by.get("messaging").status()).isEqualTo(ProductTaskStatus.FAILED);
        assertThat(by.get("messaging").detail()).isEqualTo("residue of 1 items after 3 erase runs");
        assertThat(EraseAndVerify.residues(by.get("messaging").calls()))
                .containsExactly(
                        "1 items left after erase run 1",
                        "1 items left after erase run 2",
                        "1 items left after erase run 3");
        assertThat(by.get("ads").status()).isEqualTo(ProductTaskStatus.FAILED);
        assertThat(by.get("ads").detail()).startsWith("failed after retries: ");
        assertThat(rig.product("content").liveRows("sk-eb")).isZero();
        assertThat(rig.product("messaging").calls("erase")).hasSize(3);
    }

    private static ErasureTally tally(BatchOutcome outcome) {
        return ErasureTally.NONE.plus(outcome.calls(), outcome.failedCallItems());
    }
}
