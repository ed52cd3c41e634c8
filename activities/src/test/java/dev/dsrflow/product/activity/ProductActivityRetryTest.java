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
import dev.dsrflow.demo.ErasureLogEntry;
import dev.dsrflow.demo.SupportTicketsHandler;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.PermanentHandlerException;
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

    @TempDir
    Path blobDir;

    private TestWorkflowEnvironment env;
    private DemoProductHandler messaging;
    private DemoProductHandler content;
    private volatile boolean dropsArePermanent;
    private final List<String> resumedFrom = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(EncryptedDataConverter.create(CodecKeys.parse(CODEC_KEYS)))
                        .build())
                .build());
        env.newWorker("probe").registerWorkflowImplementationTypes(ProductStepProbe.Impl.class);
        DataSource db = TestDatabase.fresh();
        DemoProduct product = DemoProducts.definition("messaging");
        DemoProducts.install(db, product);
        messaging = new DemoProductHandler(db, product, 5);
        DemoProduct contentProduct = DemoProducts.definition("content");
        DemoProducts.install(db, contentProduct);
        content = new DemoProductHandler(db, contentProduct, 5);
        FileSystemBlobStore blobs = new FileSystemBlobStore(blobDir);
        env.newWorker(TaskQueues.product("messaging"))
                .registerActivitiesImplementations(new ProductActivitiesImpl(new LostAfterFirstCheckpoint(), blobs));
        env.newWorker(TaskQueues.product("content"))
                .registerActivitiesImplementations(new ProductActivitiesImpl(new DropsAfterEachChunk(), blobs));
        env.newWorker(TaskQueues.product("support-tickets"))
                .registerActivitiesImplementations(new ProductActivitiesImpl(new SupportTicketsHandler(), blobs));
        env.start();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private ProductStepResult erase(String product) {
        ProductTask task =
                new ProductTask("r-1", product, SUBJECT, ProductScope.EVERYTHING, ExportFormat.JSON, null, null);
        return env.getWorkflowClient()
                .newWorkflowStub(
                        ProductStepProbe.class,
                        WorkflowOptions.newBuilder().setTaskQueue("probe").build())
                .erase(task);
    }

    @Test
    void aRetriedEraseResumesFromTheHeartbeatOfTheLostAttemptAndReportsTheTotal() {
        ProductStepResult result = erase("messaging");

        assertThat(result.attempt()).isEqualTo(2);
        // The lost attempt died after its first chunk; its last (throttled) heartbeat still reached the retry.
        assertThat(resumedFrom)
                .hasSize(1)
                .allSatisfy(cursor -> assertThat(cursor).matches(".+:0:[1-9][0-9]*"));
        assertThat(result.items()).isEqualTo(12);
        assertThat(result.handlerVersion()).isEqualTo(DemoProducts.HANDLER_VERSION);
        assertThat(messaging.verifyErased(SUBJECT, ProductScope.EVERYTHING).residual())
                .isZero();
    }

    @Test
    void aManualProductFailsOnceWithoutRetries() {
        WorkflowFailedException failed =
                catchThrowableOfType(WorkflowFailedException.class, () -> erase("support-tickets"));

        ActivityFailure activity = (ActivityFailure) failed.getCause();
        ApplicationFailure cause = (ApplicationFailure) activity.getCause();
        assertThat(cause.getType()).isEqualTo("dsrflow.product.MANUAL_PRODUCT");
        assertThat(cause.isNonRetryable()).isTrue();
    }

    private long contentItems() {
        return content.locate(SUBJECT, ProductScope.EVERYTHING).totalItems();
    }

    private long contentLogged() {
        return content.erasureLog(SUBJECT.subjectKey()).stream()
                .mapToLong(ErasureLogEntry::items)
                .sum();
    }

    @Test
    void anEraseThatFailsForGoodMidWayCarriesWhatItHadErasedInItsFailure() {
        dropsArePermanent = true;
        long before = contentItems();
        assertThat(before).as("more than one chunk").isGreaterThan(5);

        ActivityFailure activity =
                (ActivityFailure) catchThrowableOfType(WorkflowFailedException.class, () -> erase("content"))
                        .getCause();
        ApplicationFailure cause = (ApplicationFailure) activity.getCause();

        assertThat(cause.getType()).isEqualTo("dsrflow.product.CONNECTION_LOST");
        assertThat(cause.isNonRetryable()).isTrue();
        assertThat(cause.getDetails().get(WorkDone.class)).isEqualTo(new WorkDone(ProductStep.ERASE, 5));
        assertThat(WorkDone.reportedBy(activity))
                .hasValue(5)
                .hasValue(before - contentItems())
                .hasValue(contentLogged());
    }

    @Test
    void anEraseThatExhaustsItsRetriesCountsEveryAttemptOnceInItsFailure() {
        long before = contentItems();
        assertThat(before).as("more chunks than attempts").isGreaterThan(15);

        ActivityFailure activity =
                (ActivityFailure) catchThrowableOfType(WorkflowFailedException.class, () -> erase("content"))
                        .getCause();
        ApplicationFailure cause = (ApplicationFailure) activity.getCause();

        assertThat(cause.getType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(cause.isNonRetryable()).isFalse();
        // three attempts, each resuming from the last one's checkpoint and erasing one chunk more
        assertThat(WorkDone.reportedBy(activity))
                .hasValue(15)
                .hasValue(before - contentItems())
                .hasValue(contentLogged());
    }

    @Test
    void aFailureBeforeAnyCountedCheckpointCarriesNoDetails() {
        ActivityFailure activity =
                (ActivityFailure) catchThrowableOfType(WorkflowFailedException.class, () -> erase("support-tickets"))
                        .getCause();
        assertThat(((ApplicationFailure) activity.getCause()).getDetails().getSize())
                .isZero();
        assertThat(WorkDone.reportedBy(activity)).isEmpty();
    }

    /** Content whose every erase attempt loses its connection right after erasing one chunk. */
    private final class DropsAfterEachChunk extends ForwardingHandler {
        DropsAfterEachChunk() {
            super(() -> content);
        }

        @Override
        public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
            boolean resumed = progress.resumeFrom().isPresent();
            return content.erase(subject, scope, new Progress() {
                private int counted;

                @Override
                public void checkpoint(String cursor) {
                    progress.checkpoint(cursor);
                }

                @Override
                public void checkpoint(String cursor, long itemsDone) {
                    progress.checkpoint(cursor, itemsDone);
                    // a fresh run's first checkpoint comes before anything is erased, a resumed run's after a chunk
                    if (++counted == (resumed ? 1 : 2)) {
                        throw dropsArePermanent
                                ? new PermanentHandlerException("CONNECTION_LOST", "lost mid-erase")
                                : new IllegalStateException("lost mid-erase");
                    }
                }

                @Override
                public Optional<String> resumeFrom() {
                    return progress.resumeFrom();
                }
            });
        }
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
