package dev.dsrflow.product.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dsrflow.blob.FileSystemBlobStore;
import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.packaging.StagedManifests;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportedFile;
import dev.dsrflow.product.PermanentHandlerException;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.SubjectRef;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ProductActivitiesImplTest {
    private static final String EMAIL = "someone@example.com";
    private static final SubjectRef SUBJECT = new SubjectRef(new SubjectIdentifiers("u-0042", EMAIL, null), "sk-42");

    @TempDir
    Path blobDir;

    private TestActivityEnvironment env;
    private ScriptedHandler handler;
    private FileSystemBlobStore blobs;
    private ProductActivities activities;

    @BeforeEach
    void start() {
        env = TestActivityEnvironment.newInstance();
        handler = new ScriptedHandler(descriptor(true));
        blobs = new FileSystemBlobStore(blobDir);
        env.registerActivitiesImplementations(new ProductActivitiesImpl(handler, blobs));
        activities = env.newActivityStub(
                ProductActivities.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(20))
                        .setRetryOptions(
                                RetryOptions.newBuilder().setMaximumAttempts(1).build())
                        .build());
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private static ProductDescriptor descriptor(boolean automated) {
        return new ProductDescriptor(
                "messaging",
                "Messaging",
                Set.of(InformationCategory.MESSAGES),
                automated ? EnumSet.allOf(Capability.class) : Set.of(),
                automated,
                "test-7");
    }

    private static ProductTask task(String product) {
        return new ProductTask(
                "r-1", product, SUBJECT, ProductScope.EVERYTHING, ExportFormat.JSON, "requests/r-1/staging", "hold-1");
    }

    @Test
    void anEraseCheckpointBecomesAHeartbeatCarryingTheCursor() {
        List<Checkpoint> heartbeats = new CopyOnWriteArrayList<>();
        env.setActivityHeartbeatListener(Checkpoint.class, heartbeats::add);
        handler.onErase = progress -> {
            progress.checkpoint("messages:20", 20);
            return new ErasureReport(Map.of(InformationCategory.MESSAGES, 20L));
        };

        ProductStepResult result = activities.erase(task("messaging"));

        // Temporal throttles further heartbeats of one attempt; the first goes out at once.
        assertThat(heartbeats).containsExactly(new Checkpoint("messages:20", 20));
        assertThat(result.items()).isEqualTo(20);
        assertThat(result.erasure().erased()).containsEntry(InformationCategory.MESSAGES, 20L);
    }

    @Test
    void aRetriedEraseResumesFromTheLastHeartbeatOfTheFailedAttempt() {
        env.setHeartbeatDetails("messages:10");
        List<String> resumedFrom = new CopyOnWriteArrayList<>();
        handler.onErase = progress -> {
            resumedFrom.add(progress.resumeFrom().orElse("<none>"));
            return new ErasureReport(Map.of());
        };

        activities.erase(task("messaging"));

        assertThat(resumedFrom).containsExactly("messages:10");
    }

    @Test
    void aFirstAttemptHasNothingToResumeFrom() {
        List<String> resumedFrom = new CopyOnWriteArrayList<>();
        handler.onErase = progress -> {
            resumedFrom.add(progress.resumeFrom().orElse("<none>"));
            return new ErasureReport(Map.of());
        };

        activities.erase(task("messaging"));

        assertThat(resumedFrom).containsExactly("<none>");
    }

    @Test
    void aPermanentHandlerFailureIsNonRetryableWithAStableTypeAndNoSubjectIdentifiers() {
        handler.onErase = progress -> {
            throw new PermanentHandlerException("SCHEMA_MISMATCH", "column layout changed");
        };

        ActivityFailure failure =
                catchThrowableOfType(ActivityFailure.class, () -> activities.erase(task("messaging")));

        ApplicationFailure cause = (ApplicationFailure) failure.getCause();
        assertThat(cause.getType()).isEqualTo("dsrflow.product.SCHEMA_MISMATCH");
        assertThat(cause.isNonRetryable()).isTrue();
        assertThat(cause.getOriginalMessage())
                .isEqualTo("column layout changed")
                .doesNotContain(EMAIL, "u-0042");
    }

    @Test
    void anyOtherHandlerFailureStaysRetryable() {
        handler.onErase = progress -> {
            throw new IllegalStateException("connection reset");
        };

        ActivityFailure failure =
                catchThrowableOfType(ActivityFailure.class, () -> activities.erase(task("messaging")));

        ApplicationFailure cause = (ApplicationFailure) failure.getCause();
        assertThat(cause.isNonRetryable()).isFalse();
        assertThat(cause.getType()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void exportWritesIntoTheProductFolderOfTheStagingArea() throws Exception {
        byte[] content = "{\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
        handler.onExport = sink -> {
            try (OutputStream out = sink.open("messages.json")) {
                out.write(content);
            }
            return new ExportManifest(List.of(new ExportedFile("messages.json", content.length, "abc", 3)));
        };

        ProductStepResult result = activities.export(task("messaging"));

        assertThat(blobs.list("requests/r-1/staging")).containsExactly("requests/r-1/staging/messaging/messages.json");
        assertThat(blobs.open("requests/r-1/staging/messaging/messages.json").readAllBytes())
                .isEqualTo(content);
        assertThat(result.product()).isEqualTo("messaging");
        assertThat(result.step()).isEqualTo(ProductStep.EXPORT);
        assertThat(result.items()).isEqualTo(3);
        assertThat(result.handlerVersion()).isEqualTo("test-7");
        assertThat(result.finishedAt()).isAfterOrEqualTo(result.startedAt());
        assertThat(StagedManifests.read(blobs, "r-1", "messaging")).contains(result.export());
    }

    @Test
    void anExportCannotEscapeItsProductFolder() {
        handler.onExport = sink -> {
            sink.open("../profile/messages.json").close();
            return new ExportManifest(List.of());
        };

        ActivityFailure failure =
                catchThrowableOfType(ActivityFailure.class, () -> activities.export(task("messaging")));

        assertThat(((ApplicationFailure) failure.getCause()).getType())
                .isEqualTo(IllegalArgumentException.class.getName());
    }

    @Test
    void anExportWithoutAStagingAreaIsRefusedPermanently() {
        ProductTask noStaging =
                new ProductTask("r-1", "messaging", SUBJECT, ProductScope.EVERYTHING, ExportFormat.JSON, null, null);

        ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, () -> activities.export(noStaging));

        assertThat(((ApplicationFailure) failure.getCause()).getType()).isEqualTo("dsrflow.product.BAD_TASK");
        assertThat(handler.calls).isZero();
    }

    @Test
    void aTaskForAnotherProductIsRefusedPermanently() {
        ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, () -> activities.locate(task("profile")));

        ApplicationFailure cause = (ApplicationFailure) failure.getCause();
        assertThat(cause.getType()).isEqualTo("dsrflow.product.WRONG_PRODUCT");
        assertThat(cause.isNonRetryable()).isTrue();
        assertThat(handler.calls).isZero();
    }

    @Test
    void aManualProductFailsAsManualWithoutCallingItsHandler() {
        env.close();
        env = TestActivityEnvironment.newInstance();
        handler = new ScriptedHandler(descriptor(false));
        env.registerActivitiesImplementations(new ProductActivitiesImpl(handler, blobs));
        activities = env.newActivityStub(
                ProductActivities.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(20))
                        .build());

        ActivityFailure failure =
                catchThrowableOfType(ActivityFailure.class, () -> activities.erase(task("messaging")));

        assertThat(((ApplicationFailure) failure.getCause()).getType()).isEqualTo("dsrflow.product.MANUAL_PRODUCT");
        assertThat(handler.calls).isZero();
    }

    @Test
    void logsNameTheSubjectKeyAndNeverAnIdentifier() {
        Logger logger = (Logger) LoggerFactory.getLogger(ProductActivitiesImpl.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            activities.locate(task("messaging"));
            handler.onErase = progress -> {
                throw new PermanentHandlerException("SCHEMA_MISMATCH", "column layout changed");
            };
            catchThrowableOfType(ActivityFailure.class, () -> activities.erase(task("messaging")));
        } finally {
            logger.detachAppender(captured);
        }

        assertThat(captured.list)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(event -> assertThat(event.getFormattedMessage())
                        .contains("sk-42")
                        .doesNotContain(EMAIL, "u-0042"));
    }

    @Test
    void releaseReportsTheItemsReleasedAsTheHeadline() {
        handler.released = 4;

        ProductStepResult result = activities.release(task("messaging"));

        assertThat(result.step()).isEqualTo(ProductStep.RELEASE);
        assertThat(result.items()).isEqualTo(4);
        assertThat(handler.lastHoldId).isEqualTo("hold-1");
    }
}
