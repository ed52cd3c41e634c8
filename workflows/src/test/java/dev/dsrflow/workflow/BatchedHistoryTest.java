package dev.dsrflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.LegalProcessKind;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.workflow.access.AccessWorkflow;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.download.DownloadWorkflow;
import dev.dsrflow.workflow.preservation.PreservationWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.api.enums.v1.EventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Requests over many products run their product steps in batch child workflows: the request's
 * own history grows per batch, not per product. Prints, for each request type, the request's
 * and the largest batch's event counts at 40 and 400 products (batch size lowered to 20).
 */
class BatchedHistoryTest {
    static final int MANY = 400;
    static final int FEW = 40;
    static final int BATCH = 20;
    static final RequestPolicy POLICY = RequestPolicy.DEFAULT.withProductBatchSize(BATCH);
    private static final TestRig RIG = TestRig.many(descriptors(MANY));

    static List<ProductDescriptor> descriptors(int n) {
        InformationCategory[] cats = InformationCategory.values();
        List<ProductDescriptor> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestRig.product(id(i), true, cats[i % cats.length]));
        }
        return out;
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "p%03d", i);
    }

    static List<String> products(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(id(i));
        }
        return out;
    }

    @AfterAll
    static void close() {
        RIG.close();
    }

    /** A request's event count and its largest batch's. */
    record Counts(long parent, long largestChild, int children) {}

    private static long events(String workflowId) {
        return RIG.client.fetchHistory(workflowId).getEvents().size();
    }

    private static Counts counts(RequestSpec spec, ProductStep... steps) {
        String parentId = WorkflowIds.request(spec.id());
        var history = RIG.client.fetchHistory(parentId).getEvents();
        long started = history.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
                .count();
        int batches = (spec.products().size() + BATCH - 1) / BATCH;
        long largest = 0;
        int children = 0;
        for (ProductStep step : steps) {
            for (int i = 0; i < batches; i++) {
                largest = Math.max(
                        largest,
                        events(WorkflowIds.productBatch(parentId, step.name().toLowerCase(Locale.ROOT), 1, i)));
                children++;
            }
        }
        assertThat(started).isEqualTo(children);
        return new Counts(history.size(), largest, children);
    }

    private static RequestSpec spec(RequestType type, String subject, int n) {
        products(n).forEach(p -> RIG.product(p).seed(subject, 2));
        return RIG.spec(type, Jurisdiction.GDPR, subject, products(n), null, POLICY);
    }

    private static Counts access(int n) {
        RequestSpec spec = spec(RequestType.ACCESS, "sk-ba" + n, n);
        AccessWorkflow wf = RIG.start(AccessWorkflow.class, spec);
        RIG.finish(wf);
        RequestSnapshot view = wf.view();
        assertThat(view.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(view.products()).extracting(p -> p.status()).containsOnly(ProductTaskStatus.DONE);
        return counts(spec, ProductStep.LOCATE);
    }

    private static Counts download(int n) {
        RequestSpec spec = spec(RequestType.DOWNLOAD, "sk-bx" + n, n);
        DownloadWorkflow wf = RIG.start(DownloadWorkflow.class, spec);
        RIG.finish(wf);
        assertThat(wf.view().download().expiresAt()).isNotNull();
        assertThat(wf.view().products()).extracting(p -> p.status()).containsOnly(ProductTaskStatus.DONE);
        return counts(spec, ProductStep.EXPORT);
    }

    private static Counts preservation(int n) {
        String subject = "sk-bp" + n;
        products(n).forEach(p -> RIG.product(p).seed(subject, 2));
        RequestSpec spec = RIG.spec(
                RequestType.PRESERVATION,
                Jurisdiction.OTHER,
                subject,
                products(n),
                new LegalProcess(LegalProcessKind.LITIGATION_HOLD, "case-" + n, "court", null),
                POLICY);
        PreservationWorkflow wf = RIG.start(PreservationWorkflow.class, spec);
        RIG.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("legal2", null));
        RequestSnapshot active = RIG.await(wf, v -> v.status() == RequestStatus.ACTIVE);
        assertThat(active.products()).extracting(p -> p.status()).containsOnly(ProductTaskStatus.DONE);
        assertThat(RIG.product(id(n - 1)).preservedRows(spec.id(), subject)).isEqualTo(2);
        wf.release(new OperatorAction("legal", "case closed"));
        RIG.finish(wf);
        assertThat(wf.view().status()).isEqualTo(RequestStatus.RELEASED);
        assertThat(RIG.product(id(n - 1)).preservedRows(spec.id(), subject)).isZero();
        return counts(spec, ProductStep.PRESERVE, ProductStep.RELEASE);
    }

    /** A deletion cancelled in its grace period: restrict and unrestrict run in batches. */
    private static Counts cancelledDeletion(int n) {
        String subject = "sk-bd" + n;
        RequestSpec spec = spec(RequestType.DELETION, subject, n);
        DeletionWorkflow wf = RIG.start(DeletionWorkflow.class, spec);
        RIG.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        RIG.await(wf, v -> v.status() == RequestStatus.GRACE_PERIOD);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> RIG.ledger.events(spec.id()).stream()
                        .anyMatch(e -> e.kind().equals("RESTRICTED")));
        assertThat(products(n))
                .allSatisfy(p -> assertThat(RIG.product(p).visibleRows(subject)).isZero());
        wf.cancel(new OperatorAction("ops", "subject withdrew the request"));
        RIG.finish(wf);
        assertThat(wf.view().status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(products(n)).allSatisfy(p -> {
            assertThat(RIG.product(p).visibleRows(subject)).isEqualTo(2);
            assertThat(RIG.product(p).calls("erase"))
                    .noneMatch(c -> c.subjectKey().equals(subject));
        });
        assertThat(RIG.ledger.events(spec.id())).extracting(StoredEvent::kind).contains("RESTRICTED", "UNRESTRICTED");
        return counts(spec, ProductStep.RESTRICT, ProductStep.UNRESTRICT);
    }

    /** A complete deletion: restrict and erase (with verify) run in batches. */
    private static Counts deletion(int n) {
        String subject = "sk-bdc" + n;
        RequestSpec spec = spec(RequestType.DELETION, subject, n);
        DeletionWorkflow wf = RIG.start(DeletionWorkflow.class, spec);
        RIG.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        RIG.finish(wf);
        RequestSnapshot view = wf.view();
        assertThat(view.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(view.products()).extracting(p -> p.status()).containsOnly(ProductTaskStatus.DONE);
        assertThat(products(n))
                .allSatisfy(p -> assertThat(RIG.product(p).liveRows(subject)).isZero());
        assertThat(new dev.dsrflow.certificate.CertificateVerifier(TestRig.CERT_SECRET)
                        .verify(view.certificate())
                        .orElseThrow()
                        .products())
                .allSatisfy(p -> assertThat(p.eraseRuns()).isEqualTo(1))
                .allSatisfy(p -> assertThat(p.verified()).isTrue());
        return counts(spec, ProductStep.RESTRICT, ProductStep.ERASE);
    }

    @Test
    void eachRequestsHistoryGrowsPerBatchNotPerProduct() {
        Map<String, Counts[]> all = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        all.put("access", new Counts[] {access(FEW), access(MANY)});
        long t1 = System.nanoTime();
        all.put("download", new Counts[] {download(FEW), download(MANY)});
        long t2 = System.nanoTime();
        all.put("preservation", new Counts[] {preservation(FEW), preservation(MANY)});
        long t3 = System.nanoTime();
        all.put("deletion cancelled in grace", new Counts[] {cancelledDeletion(FEW), cancelledDeletion(MANY)});
        long t4 = System.nanoTime();
        all.put("deletion", new Counts[] {deletion(FEW), deletion(MANY)});
        System.out.printf(
                Locale.ROOT,
                "TIMING access %d ms, download %d ms, preservation %d ms, deletion %d ms%n",
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000);
        int extraBatches = (MANY - FEW) / BATCH;
        all.forEach((type, c) -> {
            System.out.printf(
                    Locale.ROOT,
                    "HISTORY batched %s: %d products -> request %d events, largest batch %d (%d batches);"
                            + " %d products -> request %d events, largest batch %d (%d batches)%n",
                    type,
                    FEW,
                    c[0].parent(),
                    c[0].largestChild(),
                    c[0].children(),
                    MANY,
                    c[1].parent(),
                    c[1].largestChild(),
                    c[1].children());
            int steps = c[1].children() / (MANY / BATCH);
            // the request pays a few events per batch (child initiated/started/completed, its task,
            // one ledger marker), never one per product
            assertThat(c[1].parent() - c[0].parent()).as(type).isLessThanOrEqualTo(12L * extraBatches * steps);
            assertThat(c[1].parent()).as(type).isLessThan(MANY);
            // a batch's history depends on the batch size only: 3 events per activity, at most one
            // workflow task (3 events) per completion, and its start and end (erase: erase and verify)
            long perProduct = type.equals("deletion") ? 12 : 6;
            assertThat(c[0].largestChild()).as(type).isLessThanOrEqualTo(perProduct * BATCH + 10);
            assertThat(c[1].largestChild()).as(type).isLessThanOrEqualTo(perProduct * BATCH + 10);
        });
    }

    @Test
    void aProductFailedInABatchIsRetriedByAnOperatorFromTheRequest() {
        String failing = id(5);
        RequestSpec spec = spec(RequestType.ACCESS, "sk-bretry", FEW);
        RIG.product(failing).failPermanently("locate");
        try {
            AccessWorkflow wf = RIG.start(AccessWorkflow.class, spec);
            RequestSnapshot waiting = RIG.await(
                    wf,
                    v -> v.products().stream()
                            .allMatch(p -> p.status() == ProductTaskStatus.DONE
                                    || p.product().equals(failing) && p.status() == ProductTaskStatus.FAILED));
            assertThat(waiting.status()).isEqualTo(RequestStatus.IN_PROGRESS);
            RIG.product(failing).heal();
            RequestSnapshot retried = wf.retryProduct(new ProductAction("ops2", failing, "backend fixed"));
            assertThat(retried.products().get(5).status()).isIn(ProductTaskStatus.PENDING, ProductTaskStatus.RUNNING);
            RIG.finish(wf);
            RequestSnapshot done = wf.view();
            assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
            assertThat(done.products()).extracting(p -> p.status()).containsOnly(ProductTaskStatus.DONE);
            assertThat(done.products().get(5).attempts()).isEqualTo(2);
            assertThat(RIG.product(failing).calls("locate"))
                    .filteredOn(c -> c.subjectKey().equals("sk-bretry"))
                    .hasSize(2);
            // the batches ran 40 locates; the operator's retry ran once, from the request itself
            var history =
                    RIG.client.fetchHistory(WorkflowIds.request(spec.id())).getEvents();
            assertThat(history)
                    .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                    .hasSize(1);
            assertThat(history)
                    .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
                    .hasSize(2);
            assertThat(RIG.ledger.events(spec.id()))
                    .extracting(StoredEvent::kind)
                    .containsSubsequence(
                            "PRODUCT_FAILED", "PRODUCT_RETRY", "PRODUCT_RUNNING", "PRODUCT_DONE", "COMPLETED");
        } finally {
            RIG.product(failing).heal();
        }
    }

    @Test
    void cancellingABatchedDeletionWorkflowInItsGracePeriodMakesTheDataVisibleAgain() {
        String subject = "sk-bcancel";
        RequestSpec spec = spec(RequestType.DELETION, subject, FEW);
        DeletionWorkflow wf = RIG.start(DeletionWorkflow.class, spec);
        RIG.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> RIG.ledger.events(spec.id()).stream()
                        .anyMatch(e -> e.kind().equals("RESTRICTED")));
        assertThat(products(FEW))
                .allSatisfy(p -> assertThat(RIG.product(p).visibleRows(subject)).isZero());
        io.temporal.client.WorkflowStub.fromTyped(wf).cancel();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> wf.view().status() == RequestStatus.CANCELLED
                        && RIG.ledger.events(spec.id()).stream()
                                .anyMatch(e -> e.kind().equals("UNRESTRICTED")));
        assertThat(products(FEW))
                .allSatisfy(p -> assertThat(RIG.product(p).visibleRows(subject)).isEqualTo(2));
        String unrestrictBatch = WorkflowIds.productBatch(WorkflowIds.request(spec.id()), "unrestrict", 1, 1);
        assertThat(events(unrestrictBatch)).isPositive();
    }

    @Test
    void cancellingABatchedAccessWhileAProductWaitsForAnOperatorEndsIt() {
        String failing = id(30);
        RequestSpec spec = spec(RequestType.ACCESS, "sk-bstop", FEW);
        RIG.product(failing).failPermanently("locate");
        try {
            AccessWorkflow wf = RIG.start(AccessWorkflow.class, spec);
            RIG.await(wf, v -> v.products().get(30).status() == ProductTaskStatus.FAILED);
            assertThat(wf.cancel(new OperatorAction("ops2", "subject withdrew")).status())
                    .isEqualTo(RequestStatus.CANCELLED);
            RIG.finish(wf);
            assertThat(wf.view().status()).isEqualTo(RequestStatus.CANCELLED);
            assertThat(wf.view().reportBlob()).isNull();
        } finally {
            RIG.product(failing).heal();
        }
    }

    @Test
    void aHeldProductStaysInTheDeletionAndIsErasedThereOnceItsHoldEnds() {
        String subject = "sk-bheld";
        String held = id(7);
        products(FEW).forEach(p -> RIG.product(p).seed(subject, 2));
        PreservationWorkflow hold = RIG.start(
                PreservationWorkflow.class,
                RIG.spec(
                        RequestType.PRESERVATION,
                        Jurisdiction.OTHER,
                        subject,
                        List.of(held),
                        new LegalProcess(LegalProcessKind.LITIGATION_HOLD, "case-held", "court", null),
                        POLICY));
        RIG.await(hold, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        hold.approve(new OperatorAction("legal2", null));
        RIG.await(hold, v -> v.status() == RequestStatus.ACTIVE);

        RequestSpec spec = RIG.spec(RequestType.DELETION, Jurisdiction.GDPR, subject, products(FEW), null, POLICY);
        DeletionWorkflow wf = RIG.start(DeletionWorkflow.class, spec);
        RIG.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        RIG.env.sleep(java.time.Duration.ofDays(31)); // the grace period passes
        RequestSnapshot waiting = RIG.await(
                wf,
                v -> v.status() == RequestStatus.WAITING_ON_HOLD
                        && v.products().stream()
                                        .filter(p -> p.status() == ProductTaskStatus.DONE)
                                        .count()
                                == FEW - 1);
        assertThat(waiting.products().get(7).status()).isEqualTo(ProductTaskStatus.DEFERRED);
        assertThat(RIG.product(held).calls("erase"))
                .noneMatch(c -> c.subjectKey().equals(subject));
        assertThat(RIG.product(held).liveRows(subject)).isEqualTo(2);

        hold.release(new OperatorAction("legal", "case closed"));
        RIG.finish(hold);
        RIG.finish(wf);
        RequestSnapshot done = wf.view();
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(done.products()).extracting(p -> p.status()).containsOnly(ProductTaskStatus.DONE);
        assertThat(RIG.product(held).liveRows(subject)).isZero();
        assertThat(RIG.product(held).calls())
                .filteredOn(c -> c.subjectKey().equals(subject) && c.op().equals("erase"))
                .allSatisfy(c -> assertThat(c.preservedHolds()).isEmpty());
        // the batches erased 39 products; the held one was erased by the request itself
        var history = RIG.client.fetchHistory(WorkflowIds.request(spec.id())).getEvents();
        assertThat(history)
                .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .hasSize(2);
        assertThat(RIG.ledger.events(spec.id()))
                .extracting(StoredEvent::kind)
                .contains("PRODUCT_RESUMED")
                .endsWith("COMPLETED");
    }
}
