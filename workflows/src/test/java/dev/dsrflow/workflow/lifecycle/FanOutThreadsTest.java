package dev.dsrflow.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.ProductAction;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.access.AccessWorkflow;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.unsafe.WorkflowUnsafe;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request over products that fit in one batch runs them inline: each product's call, or a
 * deletion's chain of erase and verify calls, scheduled as promises from the request's one
 * workflow thread, with no batch child and no workflow thread per product. Only a product an
 * operator retries runs on a thread of its own. Threads are counted as the SDK creates them,
 * by a worker interceptor.
 */
class FanOutThreadsTest {
    private static final List<String> EIGHT = TestRig.EIGHT;

    private final TestRig rig = TestRig.builder()
            .memoryProducts(TestRig.eight())
            .workerInterceptors(new FanOutThreads())
            .build();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void anAccessOfEightProductsRunsThemWithoutAThreadOrAChildPerProduct() {
        EIGHT.forEach(p -> rig.product(p).seed("sk-t8", 2));
        var spec = rig.spec(RequestType.ACCESS, Jurisdiction.GDPR, "sk-t8", EIGHT);
        AccessWorkflow wf = rig.start(AccessWorkflow.class, spec);
        rig.finish(wf);

        assertThat(wf.view().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(wf.view().products()).extracting(p -> p.status()).containsOnly(ProductTaskStatus.DONE);
        String id = WorkflowIds.request(spec.id());
        assertThat(FanOutThreads.started(id))
                .as("workflow threads the fan-out started")
                .isZero();
        assertThat(childrenStarted(id)).isZero();
        assertThat(rig.ledger.events(spec.id()))
                .filteredOn(e -> "PRODUCT_RUNNING".equals(e.kind()))
                .extracting(StoredEvent::product)
                .containsExactlyInAnyOrderElementsOf(EIGHT);
    }

    @Test
    void aDeletionOfEightProductsErasesAndVerifiesThemWithoutAThreadOrAChildPerProduct() {
        EIGHT.forEach(p -> rig.product(p).seed("sk-d8", 2));
        rig.product("content").leaveResidue(1);
        var spec = rig.spec(RequestType.DELETION, Jurisdiction.GDPR, "sk-d8", EIGHT);
        DeletionWorkflow wf = rig.start(DeletionWorkflow.class, spec);
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        rig.finish(wf);

        assertThat(wf.view().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(wf.view().products()).extracting(p -> p.status()).containsOnly(ProductTaskStatus.DONE);
        EIGHT.forEach(p -> assertThat(rig.product(p).liveRows("sk-d8")).as(p).isZero());
        assertThat(rig.product("content").calls("erase"))
                .as("erased again after the residue")
                .hasSize(2);
        String id = WorkflowIds.request(spec.id());
        assertThat(FanOutThreads.started(id))
                .as("workflow threads the fan-out started")
                .isZero();
        assertThat(childrenStarted(id)).isZero();
    }

    @Test
    void onlyAProductAnOperatorRetriesRunsOnAThreadOfItsOwn() {
        EIGHT.forEach(p -> rig.product(p).seed("sk-r8", 2));
        rig.product("ads").failPermanently("locate");
        var spec = rig.spec(RequestType.ACCESS, Jurisdiction.GDPR, "sk-r8", EIGHT);
        AccessWorkflow wf = rig.start(AccessWorkflow.class, spec);
        RequestSnapshot failed = rig.await(
                wf,
                v -> v.products().stream()
                        .allMatch(p -> p.status() == ProductTaskStatus.DONE || p.status() == ProductTaskStatus.FAILED));
        assertThat(failed.products())
                .filteredOn(p -> p.status() == ProductTaskStatus.FAILED)
                .extracting(p -> p.product())
                .containsExactly("ads");
        rig.product("ads").heal();
        wf.retryProduct(new ProductAction("ops2", "ads", "backend fixed"));
        rig.finish(wf);

        assertThat(wf.view().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(wf.view().products()).extracting(p -> p.status()).containsOnly(ProductTaskStatus.DONE);
        assertThat(FanOutThreads.started(WorkflowIds.request(spec.id())))
                .as("workflow threads the fan-out started")
                .isEqualTo(1);
    }

    private long childrenStarted(String workflowId) {
        return rig.client.fetchHistory(workflowId).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
                .count();
    }

    /**
     * Counts, per workflow id, the workflow threads {@link ProductFanOut} itself starts (not on
     * replay): those whose first frame outside the SDK and the JDK is the fan-out's.
     */
    static final class FanOutThreads extends WorkerInterceptorBase {
        private static final Map<String, AtomicInteger> STARTED = new ConcurrentHashMap<>();

        static int started(String workflowId) {
            AtomicInteger n = STARTED.get(workflowId);
            return n == null ? 0 : n.get();
        }

        @Override
        public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new WorkflowInboundCallsInterceptorBase(next) {
                @Override
                public void init(WorkflowOutboundCallsInterceptor outbound) {
                    super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
                        @Override
                        public Object newChildThread(Runnable runnable, boolean detached, String name) {
                            if (!WorkflowUnsafe.isReplaying() && fromFanOut()) {
                                STARTED.computeIfAbsent(Workflow.getInfo().getWorkflowId(), k -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                            return super.newChildThread(runnable, detached, name);
                        }
                    });
                }
            };
        }

        private static boolean fromFanOut() {
            return StackWalker.getInstance()
                    .walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                            .filter(c -> !c.startsWith("io.temporal.")
                                    && !c.startsWith("java.")
                                    && !c.startsWith("jdk.")
                                    && !c.startsWith(FanOutThreadsTest.class.getName()))
                            .findFirst()
                            .filter(ProductFanOut.class.getName()::equals)
                            .isPresent());
        }
    }
}
