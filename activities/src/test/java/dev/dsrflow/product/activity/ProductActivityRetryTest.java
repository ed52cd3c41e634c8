package dev.dsrflow.product.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dsrflow.blob.FileSystemBlobStore;
import dev.dsrflow.codec.CodecKeys;
import dev.dsrflow.codec.EncryptedDataConverter;
import dev.dsrflow.conformance.ForwardingHandler;
import dev.dsrflow.demo.DemoProduct;
import dev.dsrflow.demo.DemoProductHandler;
import dev.dsrflow.demo.DemoProducts;
import dev.dsrflow.demo.SupportTicketsHandler;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.testing.TestDatabase;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter on a Temporal test server: real retries, real heartbeats, real demo data. */
class ProductActivityRetryTest {
  private static final String CODEC_KEYS = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
  private static final SubjectRef SUBJECT = new SubjectRef(new SubjectIdentifiers("u-0005", null, null), "sk-5");

  @TempDir Path blobDir;
  private TestWorkflowEnvironment env;
  private DemoProductHandler messaging;
  private final List<String> resumedFrom = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
            .setDataConverter(EncryptedDataConverter.create(CodecKeys.parse(CODEC_KEYS))).build())
        .build());
    env.newWorker("probe").registerWorkflowImplementationTypes(ProductStepProbe.Impl.class);
    DataSource db = TestDatabase.fresh();
    DemoProduct product = DemoProducts.definition("messaging");
    DemoProducts.install(db, product);
    messaging = new DemoProductHandler(db, product, 5);
    FileSystemBlobStore blobs = new FileSystemBlobStore(blobDir);
    env.newWorker(TaskQueues.product("messaging"))
        .registerActivitiesImplementations(new ProductActivitiesImpl(new LostAfterFirstCheckpoint(), blobs));
    env.newWorker(TaskQueues.product("support-tickets"))
        .registerActivitiesImplementations(new ProductActivitiesImpl(new SupportTicketsHandler(), blobs));
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private ProductStepResult erase(String product) {
    ProductTask task = new ProductTask("r-1", product, SUBJECT, ProductScope.EVERYTHING, ExportFormat.JSON, null, null);
    return env.getWorkflowClient()
        .newWorkflowStub(ProductStepProbe.class, WorkflowOptions.newBuilder().setTaskQueue("probe").build())
        .erase(task);
  }

  @Test
  void aRetriedEraseResumesFromTheHeartbeatOfTheLostAttemptAndReportsTheTotal() {
    ProductStepResult result = erase("messaging");

    assertThat(result.attempt()).isEqualTo(2);
    // The lost attempt died after its first chunk; its last (throttled) heartbeat still reached the retry.
    assertThat(resumedFrom).hasSize(1).allSatisfy(cursor -> assertThat(cursor).matches(".+:0:[1-9][0-9]*"));
    assertThat(result.items()).isEqualTo(12);
    assertThat(result.handlerVersion()).isEqualTo(DemoProducts.HANDLER_VERSION);
    assertThat(messaging.verifyErased(SUBJECT, ProductScope.EVERYTHING).residual()).isZero();
  }

  @Test
  void aManualProductFailsOnceWithoutRetries() {
    WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class, () -> erase("support-tickets"));

    ActivityFailure activity = (ActivityFailure) failed.getCause();
    ApplicationFailure cause = (ApplicationFailure) activity.getCause();
    assertThat(cause.getType()).isEqualTo("dsrflow.product.MANUAL_PRODUCT");
    assertThat(cause.isNonRetryable()).isTrue();
  }

  /** Messaging whose first erase attempt fails right after its first erased chunk. */
  private final class LostAfterFirstCheckpoint extends ForwardingHandler {
    LostAfterFirstCheckpoint() {
      super(() -> messaging);
    }

    @Override
    public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
      if (progress.resumeFrom().isPresent()) {
        resumedFrom.add(progress.resumeFrom().get());
        return messaging.erase(subject, scope, progress);
      }
      AtomicInteger checkpoints = new AtomicInteger();
      return messaging.erase(subject, scope, new Progress() {
        @Override
        public void checkpoint(String cursor) {
          progress.checkpoint(cursor);
          if (checkpoints.incrementAndGet() == 2) {
            throw new IllegalStateException("worker lost");
          }
        }

        @Override
        public Optional<String> resumeFrom() {
          return Optional.empty();
        }
      });
    }
  }
}
