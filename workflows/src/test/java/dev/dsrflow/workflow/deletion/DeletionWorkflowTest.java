package dev.dsrflow.workflow.deletion;

import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static dev.dsrflow.catalogue.InformationCategory.MESSAGES;
import static dev.dsrflow.catalogue.InformationCategory.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.certificate.CertificateVerifier;
import dev.dsrflow.certificate.DeletionEvidence;
import dev.dsrflow.certificate.ProductEvidence;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.ProductAction;
import dev.dsrflow.workflow.lifecycle.Rejections;
import dev.dsrflow.workflow.testing.Refusals;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeletionWorkflowTest {
    private final TestRig rig = TestRig.plain(List.of(
            TestRig.product("profile", true, PROFILE),
            TestRig.product("content", true, CONTENT, MESSAGES),
            TestRig.product("legacy", false, PROFILE)));

    @AfterEach
    void close() {
        rig.close();
    }

    private DeletionWorkflow startApproved(String subject, List<String> products) {
        DeletionWorkflow wf =
                rig.start(DeletionWorkflow.class, rig.spec(RequestType.DELETION, Jurisdiction.GDPR, subject, products));
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        return wf;
    }

    private static ProductTaskStatus status(RequestSnapshot v, String product) {
        return v.products().stream()
                .filter(p -> p.product().equals(product))
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void afterTheGracePeriodEveryProductIsErasedVerifiedAndCertified() {
        rig.product("profile").seed("sk-1", 2);
        rig.product("content").seed("sk-1", 3);
        DeletionWorkflow wf = startApproved("sk-1", List.of("profile", "content"));
        RequestSnapshot grace = rig.await(wf, v -> v.status() == RequestStatus.GRACE_PERIOD);
        assertThat(grace.graceEndsAt())
                .as("received 31 Jan, due 28 Feb: erasure starts a week before, not on 2 March")
                .isEqualTo(grace.dueAt().minus(Duration.ofDays(7)));
        rig.await(wf, v -> rig.product("content").visibleRows("sk-1") == 0);
        assertThat(rig.product("content").calls("erase")).isEmpty();

        rig.finish(wf);
        RequestSnapshot done = wf.view();
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(done.completedAt()).isAfterOrEqualTo(grace.graceEndsAt());
        assertThat(rig.product("profile").liveRows("sk-1")).isZero();
        assertThat(rig.product("content").liveRows("sk-1")).isZero();
        DeletionEvidence evidence = new CertificateVerifier(TestRig.CERT_SECRET)
                .verify(done.certificate())
                .orElseThrow();
        assertThat(evidence.approvedBy()).isEqualTo("ops2");
        assertThat(evidence.products())
                .extracting(ProductEvidence::product, ProductEvidence::itemsErased, ProductEvidence::verified)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("profile", 2L, true),
                        org.assertj.core.groups.Tuple.tuple("content", 6L, true));
        assertThat(evidence.products())
                .allSatisfy(p -> assertThat(p.handlerVersion()).endsWith("-handler/1.0"));
        assertThat(new CertificateVerifier("another-secret-of-at-least-32-bytes!".getBytes())
                        .verify(done.certificate()))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} received {1}: erasure starts {2}")
    @CsvSource({
        "GDPR, 2026-01-31T10:00:00Z, 2026-02-21T10:00:00Z, true",
        "GDPR, 2026-12-30T10:00:00Z, 2027-01-23T10:00:00Z, true",
        "GDPR, 2026-12-31T10:00:00Z, 2027-01-24T10:00:00Z, true",
        "GDPR, 2028-01-31T10:00:00Z, 2028-02-22T10:00:00Z, true",
        "CCPA, 2028-02-29T10:00:00Z, 2028-03-30T10:00:00Z, false"
    })
    void theGracePeriodEndsInTimeForTheDueDateTheLawSets(
            Jurisdiction jurisdiction, Instant received, Instant graceEnds, boolean shortened) {
        rig.env.sleep(Duration.between(Instant.ofEpochMilli(rig.env.currentTimeMillis()), received));
        rig.product("profile").seed("sk-me", 2);
        var spec = rig.spec(RequestType.DELETION, jurisdiction, "sk-me", List.of("profile"));
        assertThat(spec.receivedAt()).isBetween(received, received.plusSeconds(60));
        DeletionWorkflow wf = rig.start(DeletionWorkflow.class, spec);
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        RequestSnapshot grace = rig.await(wf, v -> v.status() == RequestStatus.GRACE_PERIOD);
        Duration late = Duration.between(received, spec.receivedAt());
        assertThat(grace.graceEndsAt()).isEqualTo(graceEnds.plus(late));
        assertThat(grace.graceConfiguredEnd())
                .as("the view says when the configured 30 days would have ended, only when shortened")
                .isEqualTo(shortened ? spec.receivedAt().plus(Duration.ofDays(30)) : null);
        assertThat(rig.ledger.events(spec.id()))
                .filteredOn(e -> e.kind().equals("GRACE_PERIOD"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail().contains("shortened")).isEqualTo(shortened));

        rig.env.sleep(Duration.between(Instant.ofEpochMilli(rig.env.currentTimeMillis()), grace.graceEndsAt())
                .minusHours(1));
        assertThat(wf.view().status()).as("still in the grace period").isEqualTo(RequestStatus.GRACE_PERIOD);
        rig.finish(wf);
        RequestSnapshot done = wf.view();
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(done.completedAt()).isBefore(done.dueAt());
        assertThat(rig.product("profile").liveRows("sk-me")).isZero();
    }

    @Test
    void aZeroGracePeriodSkipsRestrictionAndErasesAtOnce() {
        rig.product("profile").seed("sk-0", 2);
        rig.product("content").seed("sk-0", 1);
        var zeroGrace = new dev.dsrflow.model.RequestPolicy(
                Duration.ZERO, Duration.ofDays(4), Duration.ofDays(30), Duration.ofDays(7), false);
        var spec = rig.spec(
                RequestType.DELETION, Jurisdiction.GDPR, "sk-0", List.of("profile", "content"), null, zeroGrace);
        DeletionWorkflow wf = rig.start(DeletionWorkflow.class, spec);
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        rig.finish(wf);

        RequestSnapshot done = wf.view();
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(done.graceEndsAt()).isEqualTo(done.receivedAt());
        for (String product : List.of("profile", "content")) {
            assertThat(rig.product(product).calls("restrict"))
                    .as("nothing to hide: no grace left")
                    .isEmpty();
            assertThat(rig.product(product).calls("unrestrict")).isEmpty();
            assertThat(rig.product(product).liveRows("sk-0")).isZero();
        }
        assertThat(rig.ledger.events(done.id()))
                .extracting(StoredEvent::kind)
                .contains("GRACE_PERIOD", "PRODUCT_DONE")
                .doesNotContain("RESTRICTED", "UNRESTRICTED");
        assertThat(rig.client
                        .fetchHistory(WorkflowStub.fromTyped(wf).getExecution().getWorkflowId())
                        .getEvents())
                .filteredOn(
                        e -> e.getEventType() == io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .extracting(e -> e.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName())
                .as("only the products' erase and verification are activities; registry calls are local")
                .containsOnly("ProductErase", "ProductVerifyErased");
    }

    @Test
    void cancellingInsideTheGracePeriodMakesTheDataVisibleAgain() {
        rig.product("content").seed("sk-2", 3);
        DeletionWorkflow wf = startApproved("sk-2", List.of("content"));
        rig.await(
                wf,
                v -> v.status() == RequestStatus.GRACE_PERIOD
                        && rig.product("content").visibleRows("sk-2") == 0);

        RequestSnapshot cancelled = wf.cancel(new OperatorAction("ops", "subject changed their mind"));
        assertThat(cancelled.status()).isEqualTo(RequestStatus.CANCELLED);
        rig.finish(wf);
        assertThat(rig.product("content").calls("unrestrict")).hasSize(1);
        assertThat(rig.product("content").visibleRows("sk-2")).isEqualTo(6);
        assertThat(rig.product("content").calls("erase")).isEmpty();
        assertThat(rig.ledger.events(wf.view().id()))
                .extracting(StoredEvent::kind)
                .contains("CANCELLED", "UNRESTRICTED");
    }

    @Test
    void cancellingTheWorkflowItselfInsideTheGracePeriodAlsoCompensates() {
        rig.product("content").seed("sk-2b", 1);
        DeletionWorkflow wf = startApproved("sk-2b", List.of("content"));
        rig.await(
                wf,
                v -> v.status() == RequestStatus.GRACE_PERIOD
                        && rig.product("content").visibleRows("sk-2b") == 0);
        WorkflowStub.fromTyped(wf).cancel();
        rig.await(
                wf,
                v -> v.status() == RequestStatus.CANCELLED
                        && rig.product("content").visibleRows("sk-2b") == 2);
    }

    @Test
    void fourEyesTheRequesterCannotApproveAndRejectionNeedsAReason() {
        DeletionWorkflow wf = rig.start(
                DeletionWorkflow.class, rig.spec(RequestType.DELETION, Jurisdiction.GDPR, "sk-3", List.of("profile")));
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);

        assertThat(Refusals.typeOf(() -> wf.approve(new OperatorAction("ops", null))))
                .isEqualTo(Rejections.FOUR_EYES);
        assertThat(Refusals.typeOf(() -> wf.reject(new OperatorAction("ops2", " "))))
                .isEqualTo(Rejections.REASON_REQUIRED);
        assertThat(Refusals.typeOf(() -> wf.retryProduct(new ProductAction("ops2", "profile", null))))
                .isEqualTo(Rejections.NOT_ALLOWED_NOW);
        assertThat(Refusals.typeOf(() -> wf.release(new OperatorAction("legal", "x"))))
                .isEqualTo(Rejections.NOT_ALLOWED_NOW);
        // the test server writes the (speculative) workflow tasks, but no refused update is accepted
        assertThat(rig.client
                        .fetchHistory(WorkflowStub.fromTyped(wf).getExecution().getWorkflowId())
                        .getEvents())
                .noneMatch(e -> e.getEventType()
                        == io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);

        assertThat(wf.reject(new OperatorAction("ops2", "not verified")).status())
                .isEqualTo(RequestStatus.REJECTED);
        rig.finish(wf);
        assertThat(wf.view().status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> wf.approve(new OperatorAction("ops2", null))))
                .as("a finished request takes no more updates")
                .isInstanceOf(io.temporal.client.WorkflowNotFoundException.class);
    }

    @Test
    void aFailedProductWaitsForAnOperatorRetryAndThenCompletes() {
        rig.product("profile").seed("sk-4", 1);
        rig.product("content").seed("sk-4", 1);
        rig.product("content").failPermanently("erase");
        DeletionWorkflow wf = startApproved("sk-4", List.of("profile", "content"));
        rig.await(wf, v -> v.status() == RequestStatus.GRACE_PERIOD);
        rig.env.sleep(Duration.ofDays(31));
        RequestSnapshot failed = rig.await(wf, v -> status(v, "content") == ProductTaskStatus.FAILED);
        assertThat(failed.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(status(failed, "profile")).isEqualTo(ProductTaskStatus.DONE);
        assertThat(failed.products().get(1).detail()).contains("PermanentHandlerException");
        assertThat(Refusals.typeOf(() -> wf.retryProduct(new ProductAction("ops2", "profile", "x"))))
                .isEqualTo(Rejections.NOT_ALLOWED_NOW);
        assertThat(Refusals.typeOf(() -> wf.cancel(new OperatorAction("ops", "too late"))))
                .as("no cancel once erasure started")
                .isEqualTo(Rejections.NOT_ALLOWED_NOW);

        rig.product("content").heal();
        RequestSnapshot retried = wf.retryProduct(new ProductAction("ops2", "content", "backend fixed"));
        assertThat(status(retried, "content")).isEqualTo(ProductTaskStatus.PENDING);
        rig.finish(wf);
        RequestSnapshot done = wf.view();
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(status(done, "content")).isEqualTo(ProductTaskStatus.DONE);
        assertThat(done.products().get(1).attempts()).isEqualTo(2);
        assertThat(rig.product("content").liveRows("sk-4")).isZero();
    }

    @Test
    void aManualProductIsCompletedByHandWithAReason() {
        rig.product("profile").seed("sk-5", 1);
        DeletionWorkflow wf = startApproved("sk-5", List.of("profile", "legacy"));
        rig.await(wf, v -> v.status() == RequestStatus.GRACE_PERIOD);
        assertThat(Refusals.typeOf(() -> wf.completeProduct(new ProductAction("ops2", "legacy", "early"))))
                .as("no erasing by hand inside the grace period")
                .isEqualTo(Rejections.NOT_ALLOWED_NOW);
        rig.env.sleep(Duration.ofDays(31));
        RequestSnapshot waiting = rig.await(wf, v -> status(v, "profile") == ProductTaskStatus.DONE);
        assertThat(status(waiting, "legacy")).isEqualTo(ProductTaskStatus.MANUAL);
        assertThat(Refusals.typeOf(() -> wf.completeProduct(new ProductAction("ops2", "legacy", null))))
                .isEqualTo(Rejections.REASON_REQUIRED);
        assertThat(Refusals.typeOf(() -> wf.completeProduct(new ProductAction("ops2", "nope", "x"))))
                .isEqualTo(Rejections.UNKNOWN_PRODUCT);

        wf.completeProduct(new ProductAction("ops2", "legacy", "deleted in the legacy admin console, ticket 77"));
        rig.finish(wf);
        RequestSnapshot done = wf.view();
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        DeletionEvidence evidence = new CertificateVerifier(TestRig.CERT_SECRET)
                .verify(done.certificate())
                .orElseThrow();
        assertThat(evidence.products().get(1).note())
                .contains("completed by hand by ops2")
                .contains("ticket 77");
    }

    @Test
    void aVerificationResidueIsErasedAgainAndAPersistentOneFailsForAnOperator() {
        rig.product("profile").seed("sk-6", 3);
        rig.product("profile").leaveResidue(1);
        rig.product("content").seed("sk-6", 3);
        rig.product("content").leaveResidue(10);
        DeletionWorkflow wf = startApproved("sk-6", List.of("profile", "content"));
        rig.await(wf, v -> v.status() == RequestStatus.GRACE_PERIOD);
        rig.env.sleep(Duration.ofDays(31));
        RequestSnapshot v = rig.await(
                wf,
                s -> status(s, "content") == ProductTaskStatus.FAILED
                        && status(s, "profile") == ProductTaskStatus.DONE);
        assertThat(rig.product("profile").calls("erase")).hasSize(2);
        assertThat(rig.product("content").calls("erase")).hasSize(1 + EraseAndVerify.MAX_RE_ERASES);
        assertThat(v.products().get(1).detail()).contains("residue");

        wf.skipProduct(new ProductAction("ops2", "content", "replica decommissioned, data expires with it"));
        rig.finish(wf);
        assertThat(wf.view().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(rig.ledger.events(wf.view().id()))
                .extracting(StoredEvent::kind)
                .contains("VERIFICATION_RESIDUE", "PRODUCT_SKIPPED");
    }

    @Test
    void aReDrivenDeletionKeepsTheApprovalAndTheManualCompletionItsLostRunRecorded() {
        rig.product("profile").seed("sk-rd", 2);
        rig.product("content").seed("sk-rd", 2).failPermanently("erase");
        var spec = rig.spec(RequestType.DELETION, Jurisdiction.GDPR, "sk-rd", List.of("profile", "content", "legacy"));
        DeletionWorkflow first = rig.start(DeletionWorkflow.class, spec);
        rig.await(first, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        first.approve(new OperatorAction("ops2", null));
        rig.env.sleep(Duration.ofDays(31));
        rig.await(
                first,
                v -> status(v, "legacy") == ProductTaskStatus.MANUAL
                        && status(v, "content") == ProductTaskStatus.FAILED);
        first.completeProduct(new ProductAction("ops2", "legacy", "wiped by hand, ticket 7"));

        DeletionWorkflow second = rig.redrive(DeletionWorkflow.class, spec);
        RequestSnapshot resumed = rig.await(second, v -> status(v, "content") == ProductTaskStatus.FAILED);
        assertThat(resumed.approvedBy()).as("no second approval needed").isEqualTo("ops2");
        assertThat(status(resumed, "legacy"))
                .as("not asked of an operator again")
                .isEqualTo(ProductTaskStatus.DONE);
        second.skipProduct(new ProductAction("ops2", "content", "replica decommissioned"));
        rig.finish(second);
        assertThat(second.view().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(rig.product("profile").liveRows("sk-rd")).isZero();
        assertThat(rig.ledger.events(spec.id()))
                .extracting(StoredEvent::kind)
                .as("decisions are re-applied, not recorded again")
                .containsOnlyOnce("APPROVED", "PRODUCT_COMPLETED_BY_HAND");
    }

    @Test
    void aFirstStartAsksTheLedgerForNoDecisions() {
        var spec = rig.spec(RequestType.DELETION, Jurisdiction.GDPR, "sk-fs", List.of("profile"));
        DeletionWorkflow wf = rig.start(DeletionWorkflow.class, spec);
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        assertThat(rig.client.fetchHistory(dev.dsrflow.workflow.WorkflowIds.request(spec.id())).getEvents().stream()
                        .filter(e -> e.hasMarkerRecordedEventAttributes())
                        .map(e -> e.getMarkerRecordedEventAttributes()
                                .getDetailsMap()
                                .get("type"))
                        .map(type -> type == null
                                ? ""
                                : type.getPayloads(0).getData().toStringUtf8()))
                .noneMatch(type -> type.contains("LedgerDecisions"));
    }
}
