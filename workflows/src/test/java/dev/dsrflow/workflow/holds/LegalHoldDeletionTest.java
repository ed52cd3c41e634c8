package dev.dsrflow.workflow.holds;

import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static dev.dsrflow.catalogue.InformationCategory.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.LegalProcessKind;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.ProductAction;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.preservation.PreservationWorkflow;
import dev.dsrflow.workflow.testing.MemoryProduct;
import dev.dsrflow.workflow.testing.TestRig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deletions and legal holds of the same subject, through the subject's hold registry. */
class LegalHoldDeletionTest {
    private final TestRig rig = new TestRig(List.of(
            TestRig.product("profile", true, PROFILE),
            TestRig.product("content", true, CONTENT),
            TestRig.product("legacy", false, PROFILE)));

    @AfterEach
    void close() {
        rig.close();
    }

    private PreservationWorkflow preserve(String subject, List<String> products) {
        var spec = rig.spec(
                RequestType.PRESERVATION,
                Jurisdiction.OTHER,
                subject,
                products,
                new LegalProcess(LegalProcessKind.COURT_ORDER, "case-42", "District Court", null),
                RequestPolicy.DEFAULT);
        PreservationWorkflow wf = rig.start(PreservationWorkflow.class, spec);
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("legal2", null));
        rig.await(wf, v -> v.status() == RequestStatus.ACTIVE);
        return wf;
    }

    private DeletionWorkflow delete(String subject, List<String> products) {
        DeletionWorkflow wf =
                rig.start(DeletionWorkflow.class, rig.spec(RequestType.DELETION, Jurisdiction.GDPR, subject, products));
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        rig.await(wf, v -> v.status() == RequestStatus.GRACE_PERIOD);
        return wf;
    }

    private static ProductTaskStatus status(RequestSnapshot v, String product) {
        return v.products().stream()
                .filter(p -> p.product().equals(product))
                .findFirst()
                .orElseThrow()
                .status();
    }

    private static void assertNoEraseUnderAHold(MemoryProduct product) {
        assertThat(product.calls("erase"))
                .allSatisfy(
                        c -> assertThat(c.preservedHolds()).as("holds at erase").isEmpty());
    }

    @Test
    void aHoldBlocksEraseAndTheDeferredEraseRunsAfterAReleaseSixMonthsLater() {
        rig.product("profile").seed("sk-h1", 2);
        rig.product("content").seed("sk-h1", 4);
        PreservationWorkflow hold = preserve("sk-h1", List.of("content"));
        DeletionWorkflow deletion = delete("sk-h1", List.of("profile", "content"));

        rig.env.sleep(Duration.ofDays(31));
        RequestSnapshot waiting = rig.await(
                deletion,
                v -> status(v, "profile") == ProductTaskStatus.DONE
                        && status(v, "content") == ProductTaskStatus.DEFERRED);
        assertThat(waiting.status()).isEqualTo(RequestStatus.WAITING_ON_HOLD);
        assertThat(rig.product("content").calls("erase")).isEmpty();
        assertThat(rig.product("content").liveRows("sk-h1")).isEqualTo(4);

        rig.env.sleep(Duration.ofDays(180));
        assertThat(deletion.view().status()).isEqualTo(RequestStatus.WAITING_ON_HOLD);
        RequestSnapshot releasing = hold.release(new OperatorAction("legal", "case closed"));
        assertThat(releasing.status()).isEqualTo(RequestStatus.ACTIVE);
        rig.finish(hold);
        assertThat(hold.view().status()).isEqualTo(RequestStatus.RELEASED);
        assertThat(java.time.Instant.ofEpochMilli(rig.env.currentTimeMillis()))
                .as("no skip to the test server's 10-year timeouts")
                .isBefore(TestRig.T0.plus(Duration.ofDays(365)));
        assertThat(rig.product("content").preservedRows(hold.view().id(), "sk-h1"))
                .isZero();

        rig.finish(deletion);
        RequestSnapshot done = deletion.view();
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(done.completedAt()).isAfter(done.receivedAt().plus(Duration.ofDays(200)));
        assertThat(rig.product("content").liveRows("sk-h1")).isZero();
        assertNoEraseUnderAHold(rig.product("content"));
    }

    @Test
    void aHoldPlacedMidDeletionProtectsTheProductsNotYetErased() {
        rig.product("profile").seed("sk-h2", 2);
        rig.product("content").seed("sk-h2", 2);
        rig.product("content").failPermanently("erase");
        DeletionWorkflow deletion = delete("sk-h2", List.of("profile", "content"));
        rig.env.sleep(Duration.ofDays(31));
        rig.await(
                deletion,
                v -> status(v, "profile") == ProductTaskStatus.DONE
                        && status(v, "content") == ProductTaskStatus.FAILED);

        PreservationWorkflow hold = preserve("sk-h2", List.of("profile", "content"));
        RequestSnapshot preserved = hold.view();
        assertThat(preserved.products())
                .extracting(p -> p.result().receipt().alreadyErased())
                .containsExactly(2L, 0L);
        assertThat(preserved.products().get(0).detail()).contains("already erased before the hold");

        rig.product("content").heal();
        deletion.retryProduct(new ProductAction("ops2", "content", "backend fixed"));
        RequestSnapshot deferred = rig.await(deletion, v -> status(v, "content") == ProductTaskStatus.DEFERRED);
        assertThat(deferred.status()).isEqualTo(RequestStatus.WAITING_ON_HOLD);
        assertThat(rig.product("content").liveRows("sk-h2")).isEqualTo(2);

        hold.release(new OperatorAction("legal", "order lifted"));
        rig.finish(deletion);
        assertThat(deletion.view().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(rig.product("content").liveRows("sk-h2")).isZero();
        assertNoEraseUnderAHold(rig.product("content"));
        HoldRegistryWorkflow registry =
                rig.client.newWorkflowStub(HoldRegistryWorkflow.class, WorkflowIds.holds("sk-h2"));
        assertThat(registry.state().holds()).isEmpty();
        assertThat(registry.state().claims()).isEmpty();
    }

    @Test
    void aManualProductUnderAHoldCannotBeCompletedByHandUntilTheHoldEnds() {
        var spec = rig.spec(
                RequestType.PRESERVATION,
                Jurisdiction.OTHER,
                "sk-h3",
                List.of("legacy"),
                new LegalProcess(LegalProcessKind.LITIGATION_HOLD, "lit-7", "Counsel", null),
                RequestPolicy.DEFAULT);
        PreservationWorkflow hold = rig.start(PreservationWorkflow.class, spec);
        rig.await(hold, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        hold.approve(new OperatorAction("legal2", null));
        rig.await(hold, v -> status(v, "legacy") == ProductTaskStatus.MANUAL);
        hold.completeProduct(new ProductAction("legal", "legacy", "exported to the legal vault by hand"));
        rig.await(hold, v -> v.status() == RequestStatus.ACTIVE);
        DeletionWorkflow deletion = delete("sk-h3", List.of("legacy"));
        rig.env.sleep(Duration.ofDays(31));
        rig.await(
                deletion,
                v -> v.status() == RequestStatus.IN_PROGRESS && status(v, "legacy") == ProductTaskStatus.MANUAL);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> deletion.completeProduct(new ProductAction("ops2", "legacy", "wiped by hand"))))
                .isInstanceOf(io.temporal.client.WorkflowUpdateException.class);
        assertThat(status(deletion.view(), "legacy")).isEqualTo(ProductTaskStatus.MANUAL);
        assertThat(io.temporal.client.WorkflowStub.fromTyped(deletion)
                        .describe()
                        .getStatus())
                .as("a refused manual erase fails the update, not the request")
                .isEqualTo(io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

        hold.release(new OperatorAction("legal", "case closed"));
        rig.await(hold, v -> status(v, "legacy") == ProductTaskStatus.MANUAL);
        hold.completeProduct(new ProductAction("legal", "legacy", "vault copy destroyed"));
        // not rig.finish(hold): time would skip meanwhile, and with the deletion idle (waiting for
        // the operator) the next timer is the test server's 10-year default execution timeout: the
        // deletion would time out within a second of it and this update find no workflow
        rig.awaitEnded(hold);
        assertThat(hold.view().status()).isEqualTo(RequestStatus.RELEASED);
        assertThat(java.time.Instant.ofEpochMilli(rig.env.currentTimeMillis()))
                .as("no skip to the test server's 10-year timeouts")
                .isBefore(TestRig.T0.plus(Duration.ofDays(365)));
        RequestSnapshot completed =
                deletion.completeProduct(new ProductAction("ops2", "legacy", "wiped by hand after the hold"));
        assertThat(status(completed, "legacy")).isEqualTo(ProductTaskStatus.DONE);
        rig.finish(deletion);
        assertThat(deletion.view().status()).isEqualTo(RequestStatus.COMPLETED);
    }
}
