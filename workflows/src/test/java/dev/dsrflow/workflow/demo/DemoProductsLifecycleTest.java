package dev.dsrflow.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.blob.FileSystemBlobStore;
import dev.dsrflow.certificate.CertificateSigner;
import dev.dsrflow.certificate.CertificateVerifier;
import dev.dsrflow.certificate.DeletionEvidence;
import dev.dsrflow.certificate.ProductEvidence;
import dev.dsrflow.demo.DemoProducts;
import dev.dsrflow.ledger.NewRequest;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.LegalProcessKind;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.activity.ProductActivitiesImpl;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.testing.TestDatabase;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.OrchestratorWorkflows;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.preservation.PreservationWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deletion and preservation workflows against the real demo products on PostgreSQL,
 * through the real product activity adapter, with time skipping: the evidence is read from
 * the products' own tables, not from a fixture.
 */
class DemoProductsLifecycleTest {
  private static TestWorkflowEnvironment env;
  private static WorkflowClient client;
  private static DataSource productsDb;
  private static Map<String, ProductHandler> handlers = new HashMap<>();
  private static dev.dsrflow.ledger.LedgerStore ledger;

  @BeforeAll
  static void start() throws Exception {
    productsDb = TestDatabase.fresh();
    DemoProducts.install(productsDb);
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(TestRig.dataConverter()).build())
        .setInitialTime(TestRig.T0)
        .build());
    client = env.getWorkflowClient();
    ledger = TestRig.ledger();
    var blobs = new FileSystemBlobStore(Files.createTempDirectory("dsrflow-demo-blobs"));
    for (ProductHandler h : DemoProducts.all(productsDb)) {
      handlers.put(h.descriptor().id(), h);
      if (h.descriptor().automated()) {
        env.newWorker(TaskQueues.product(h.descriptor().id())).registerActivitiesImplementations(new ProductActivitiesImpl(h, blobs));
      }
    }
    Worker orchestrator = env.newWorker(TaskQueues.ORCHESTRATOR);
    OrchestratorWorkflows.register(orchestrator, new ProductCatalog(DemoProducts.settings()));
    OrchestratorWorkflows.registerActivities(orchestrator, client, ledger, blobs, new DownloadLinks(TestRig.LINK_SECRET), new CertificateSigner(TestRig.CERT_SECRET, "test-key"));
    env.start();
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  private static RequestSpec spec(RequestType type, String userId, List<String> products, LegalProcess process) {
    String key = "sk-demo-" + userId;
    return new RequestSpec("r-" + UUID.randomUUID(), type, new SubjectIdentifiers(userId, null, null), key,
        type == RequestType.PRESERVATION ? Jurisdiction.OTHER : Jurisdiction.GDPR, products, Set.of(), DateRange.ALL,
        ExportFormat.JSON, process, type == RequestType.PRESERVATION ? "legal" : "ops",
        Instant.ofEpochMilli(env.currentTimeMillis()), null, RequestPolicy.DEFAULT);
  }

  private static <W extends RequestWorkflow> W start(Class<W> type, RequestSpec spec) {
    ledger.file(new NewRequest(spec, new byte[] {1}, List.of(spec.subjectKey()), null, null));
    W stub = client.newWorkflowStub(type, WorkflowOptions.newBuilder()
        .setWorkflowId(WorkflowIds.request(spec.id())).setTaskQueue(TaskQueues.ORCHESTRATOR).build());
    WorkflowStub.fromTyped(stub).start(spec);
    return stub;
  }

  private static RequestSnapshot awaitView(RequestWorkflow stub, Predicate<RequestSnapshot> condition) {
    RequestSnapshot[] last = new RequestSnapshot[1];
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
        .until(() -> condition.test(last[0] = stub.view()));
    return last[0];
  }

  private static long held(String userId, String product) {
    return handlers.get(product).locate(new SubjectRef(new SubjectIdentifiers(userId, null, null), "sk-demo-" + userId),
        ProductScope.EVERYTHING).totalItems();
  }

  private static long preservedCopies(String product, String subjectKey) throws Exception {
    try (Connection c = productsDb.getConnection();
        PreparedStatement ps = c.prepareStatement("select count(*) from product_" + product.replace('-', '_')
            + ".held_items where subject_key = ?")) {
      ps.setString(1, subjectKey);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long visible(String userId, String product) {
    return ((dev.dsrflow.demo.DemoProductHandler) handlers.get(product)).visibleItems(new SubjectIdentifiers(userId, null, null));
  }

  @Test
  void cancellingInsideTheGracePeriodMakesTheRestrictedRowsVisibleAgain() {
    long before = visible("u-0031", "content");
    assertThat(before).isPositive();
    DeletionWorkflow deletion = start(DeletionWorkflow.class, spec(RequestType.DELETION, "u-0031",
        List.of("content", "messaging"), null));
    awaitView(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
    deletion.approve(new OperatorAction("ops2", null));
    awaitView(deletion, v -> v.status() == RequestStatus.GRACE_PERIOD);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> visible("u-0031", "content") == 0);
    assertThat(held("u-0031", "content")).as("restricted, not erased").isEqualTo(before);

    env.sleep(Duration.ofDays(10));
    deletion.cancel(new OperatorAction("ops", "the subject withdrew the request"));
    WorkflowStub.fromTyped(deletion).getResult(Void.class);
    assertThat(deletion.view().status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(visible("u-0031", "content")).as("visible again after the cancel").isEqualTo(before);
  }

  private static ProductTaskStatus statusOf(RequestSnapshot view, String product) {
    return view.products().stream().filter(p -> p.product().equals(product)).findFirst().orElseThrow().status();
  }

  @Test
  void aDeletionErasesTheDemoProductsRowsAfterItsGracePeriodAndCertifiesTheCounts() {
    long messaging = held("u-0011", "messaging");
    long profile = held("u-0011", "profile");
    assertThat(messaging).isPositive();
    DeletionWorkflow deletion = start(DeletionWorkflow.class, spec(RequestType.DELETION, "u-0011",
        List.of("messaging", "profile"), null));
    awaitView(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
    deletion.approve(new OperatorAction("ops2", null));
    awaitView(deletion, v -> v.status() == RequestStatus.GRACE_PERIOD);
    assertThat(held("u-0011", "messaging")).as("still there during the grace period").isEqualTo(messaging);

    WorkflowStub.fromTyped(deletion).getResult(Void.class); // 30 days skip by
    assertThat(held("u-0011", "messaging")).isZero();
    assertThat(held("u-0011", "profile")).isZero();
    assertThat(held("u-0012", "messaging")).as("another subject is untouched").isPositive();

    DeletionEvidence evidence = new CertificateVerifier(TestRig.CERT_SECRET)
        .verify(deletion.view().certificate()).orElseThrow();
    Map<String, Long> erased = new HashMap<>();
    for (ProductEvidence p : evidence.products()) {
      erased.put(p.product(), p.itemsErased());
      assertThat(p.verified()).isTrue();
    }
    assertThat(erased).containsEntry("messaging", messaging).containsEntry("profile", profile);
  }

  @Test
  void aCourtOrderHoldsMessagingForSixMonthsAndTheDeferredErasureRunsOnRelease() throws Exception {
    long messaging = held("u-0021", "messaging");
    String key = "sk-demo-u-0021";
    PreservationWorkflow hold = start(PreservationWorkflow.class, spec(RequestType.PRESERVATION, "u-0021",
        List.of("messaging"), new LegalProcess(LegalProcessKind.COURT_ORDER, "case-7", "District Court", null)));
    awaitView(hold, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
    hold.approve(new OperatorAction("legal2", null));
    RequestSnapshot active = awaitView(hold, v -> v.status() == RequestStatus.ACTIVE);
    assertThat(active.products().get(0).result().receipt().items()).isEqualTo(messaging);
    assertThat(preservedCopies("messaging", key)).isEqualTo(messaging);

    DeletionWorkflow deletion = start(DeletionWorkflow.class, spec(RequestType.DELETION, "u-0021",
        List.of("messaging", "profile"), null));
    awaitView(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
    deletion.approve(new OperatorAction("ops2", null));
    env.sleep(Duration.ofDays(31));
    RequestSnapshot waiting = awaitView(deletion, v -> v.status() == RequestStatus.WAITING_ON_HOLD
        && statusOf(v, "profile") == ProductTaskStatus.DONE);
    assertThat(statusOf(waiting, "messaging")).isEqualTo(ProductTaskStatus.DEFERRED);
    assertThat(held("u-0021", "profile")).isZero();

    env.sleep(Duration.ofDays(180));
    assertThat(held("u-0021", "messaging")).as("held data survives six months of a waiting deletion").isEqualTo(messaging);
    assertThat(statusOf(deletion.view(), "messaging")).isEqualTo(ProductTaskStatus.DEFERRED);

    hold.release(new OperatorAction("legal", "case closed"));
    WorkflowStub.fromTyped(hold).getResult(Void.class);
    assertThat(hold.view().status()).isEqualTo(RequestStatus.RELEASED);
    assertThat(preservedCopies("messaging", key)).as("release drops the preserved copy").isZero();
    WorkflowStub.fromTyped(deletion).getResult(Void.class);
    assertThat(deletion.view().status()).isEqualTo(RequestStatus.COMPLETED);
    assertThat(held("u-0021", "messaging")).isZero();
  }
}
