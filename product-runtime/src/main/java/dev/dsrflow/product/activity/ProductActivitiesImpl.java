package dev.dsrflow.product.activity;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.packaging.StagedManifests;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.PermanentHandlerException;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic product activity: wraps one {@link ProductHandler} and is registered on the
 * product's task queue. Checkpoints become heartbeats, a retried attempt resumes from the last
 * one, and a {@link PermanentHandlerException} becomes a non-retryable failure of type
 * {@code dsrflow.product.<REASON>}; any other exception propagates and is retried. When the
 * handler had reported how much the call had done ({@link dev.dsrflow.product.Progress#checkpoint(String, long)}),
 * the failure carries it as its details ({@link WorkDone}), so a deletion can certify what an
 * erase that failed had already erased.
 */
public final class ProductActivitiesImpl implements ProductActivities {
    /** Prefix of every failure type this adapter raises. */
    public static final String FAILURE_TYPE_PREFIX = "dsrflow.product.";

    private static final Logger log = LoggerFactory.getLogger(ProductActivitiesImpl.class);

    private final ProductHandler handler;
    private final BlobStore blobs;
    private final Clock clock;

    public ProductActivitiesImpl(ProductHandler handler, BlobStore blobs) {
        this(handler, blobs, Clock.systemUTC());
    }

    ProductActivitiesImpl(ProductHandler handler, BlobStore blobs, Clock clock) {
        this.handler = handler;
        this.blobs = blobs;
        this.clock = clock;
    }

    @Override
    public ProductStepResult locate(ProductTask task) {
        return perform(task, ProductStep.LOCATE, progress -> handler.locate(task.subject(), task.scope()));
    }

    @Override
    public ProductStepResult export(ProductTask task) {
        return perform(task, ProductStep.EXPORT, progress -> {
            if (task.format() == null
                    || task.stagingPrefix() == null
                    || task.stagingPrefix().isBlank()) {
                throw new PermanentHandlerException("BAD_TASK", "an export task needs a format and a staging prefix");
            }
            BlobExportSink sink = new BlobExportSink(blobs, task.stagingPrefix(), task.product());
            ExportManifest manifest = handler.export(task.subject(), task.scope(), task.format(), sink, progress);
            stageManifest(task, manifest);
            return manifest;
        });
    }

    @Override
    public ProductStepResult restrict(ProductTask task) {
        return perform(task, ProductStep.RESTRICT, progress -> handler.restrict(task.subject(), task.scope()));
    }

    @Override
    public ProductStepResult unrestrict(ProductTask task) {
        return perform(task, ProductStep.UNRESTRICT, progress -> handler.unrestrict(task.subject(), task.scope()));
    }

    @Override
    public ProductStepResult erase(ProductTask task) {
        return perform(task, ProductStep.ERASE, progress -> handler.erase(task.subject(), task.scope(), progress));
    }

    @Override
    public ProductStepResult verifyErased(ProductTask task) {
        return perform(task, ProductStep.VERIFY, progress -> handler.verifyErased(task.subject(), task.scope()));
    }

    @Override
    public ProductStepResult preserve(ProductTask task) {
        return perform(task, ProductStep.PRESERVE, progress -> {
            requireHold(task);
            return handler.preserve(task.subject(), task.scope(), task.holdId());
        });
    }

    @Override
    public ProductStepResult release(ProductTask task) {
        return perform(task, ProductStep.RELEASE, progress -> {
            requireHold(task);
            return handler.release(task.subject(), task.holdId());
        });
    }

    @Override
    public ResolvedIdentifiers resolve(ProductTask task) {
        ProductDescriptor descriptor = handler.descriptor();
        String subjectKey = task.subject() == null ? "-" : task.subject().subjectKey();
        try {
            checkSubject(task, descriptor);
            if (!descriptor.automated() || !descriptor.capabilities().contains(Capability.RESOLVE)) {
                throw new PermanentHandlerException(
                        "UNSUPPORTED_STEP", descriptor.id() + " does not automate " + Capability.RESOLVE);
            }
            List<SubjectIdentifiers> answer = handler.resolve(task.subject());
            // never fewer than given, whatever the handler answered: what was given comes first
            List<SubjectIdentifiers> identities = new ArrayList<>();
            identities.add(task.subject().identifiers());
            if (answer != null) {
                answer.stream()
                        .filter(i -> i != null && !i.isEmpty() && !identities.contains(i))
                        .forEach(identities::add);
            }
            log.info(
                    "product {} RESOLVE for subject {} done: {} identities",
                    descriptor.id(),
                    subjectKey,
                    identities.size());
            return new ResolvedIdentifiers(List.copyOf(identities));
        } catch (PermanentHandlerException e) {
            log.warn(
                    "product {} RESOLVE for subject {} failed permanently: {}",
                    descriptor.id(),
                    subjectKey,
                    e.reason());
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FAILURE_TYPE_PREFIX + e.reason());
        }
    }

    private ProductStepResult perform(ProductTask task, ProductStep step, Function<HeartbeatProgress, Object> work) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        HeartbeatProgress progress = new HeartbeatProgress(context);
        int attempt = context.getInfo().getAttempt();
        ProductDescriptor descriptor = handler.descriptor();
        String subjectKey = task.subject() == null ? "-" : task.subject().subjectKey();
        Instant startedAt = clock.instant();
        try {
            checkRunnable(task, step, descriptor);
            Object outcome = work.apply(progress);
            ProductStepResult result =
                    StepOutcomes.result(descriptor, step, attempt, startedAt, clock.instant(), outcome);
            log.info(
                    "product {} {} for subject {} done on attempt {}: {} items",
                    descriptor.id(),
                    step,
                    subjectKey,
                    attempt,
                    result.items());
            return result;
        } catch (PermanentHandlerException e) {
            log.warn(
                    "product {} {} for subject {} failed permanently on attempt {}: {}",
                    descriptor.id(),
                    step,
                    subjectKey,
                    attempt,
                    e.reason());
            OptionalLong done = progress.itemsDone();
            throw done.isPresent()
                    ? ApplicationFailure.newNonRetryableFailure(
                            e.getMessage(), FAILURE_TYPE_PREFIX + e.reason(), new WorkDone(step, done.getAsLong()))
                    : ApplicationFailure.newNonRetryableFailure(e.getMessage(), FAILURE_TYPE_PREFIX + e.reason());
        } catch (ApplicationFailure e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn(
                    "product {} {} for subject {} failed on attempt {} and will be retried: {}",
                    descriptor.id(),
                    step,
                    subjectKey,
                    attempt,
                    e.getClass().getSimpleName());
            OptionalLong done = progress.itemsDone();
            if (done.isEmpty()) {
                throw e;
            }
            // same type and message the SDK would give the bare exception, plus what the call had done
            throw ApplicationFailure.newFailureWithCause(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    e.getClass().getName(),
                    e,
                    new WorkDone(step, done.getAsLong()));
        }
    }

    private static void checkRunnable(ProductTask task, ProductStep step, ProductDescriptor descriptor) {
        checkSubject(task, descriptor);
        if (!descriptor.automated()) {
            throw new PermanentHandlerException(
                    "MANUAL_PRODUCT", descriptor.id() + " has no automation; an operator completes its tasks");
        }
        Capability needed = step.capability();
        if (!descriptor.capabilities().contains(needed)) {
            throw new PermanentHandlerException("UNSUPPORTED_STEP", descriptor.id() + " does not automate " + needed);
        }
    }

    private static void checkSubject(ProductTask task, ProductDescriptor descriptor) {
        if (!descriptor.id().equals(task.product())) {
            throw new PermanentHandlerException(
                    "WRONG_PRODUCT",
                    "task for product " + task.product() + " reached the worker of " + descriptor.id());
        }
        if (task.subject() == null
                || task.subject().identifiers() == null
                || task.subject().identifiers().isEmpty()) {
            throw new PermanentHandlerException("BAD_TASK", "the task names no subject identifier");
        }
    }

    /** Stages the manifest for the packager, so a large request's packaging input need not carry it. */
    private void stageManifest(ProductTask task, ExportManifest manifest) {
        if (manifest == null) {
            return;
        }
        try {
            StagedManifests.write(blobs, task.requestId(), task.product(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the export manifest", e);
        }
    }

    private static void requireHold(ProductTask task) {
        if (task.holdId() == null || task.holdId().isBlank()) {
            throw new PermanentHandlerException("BAD_TASK", "a preservation task needs a hold id");
        }
    }
}
