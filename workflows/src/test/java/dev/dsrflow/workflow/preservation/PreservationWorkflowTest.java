package dev.dsrflow.workflow.preservation;

import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.LegalProcessKind;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.Renewal;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.holds.HoldRegistryWorkflow;
import dev.dsrflow.workflow.lifecycle.Rejections;
import dev.dsrflow.workflow.testing.Refusals;
import dev.dsrflow.workflow.testing.TestRig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PreservationWorkflowTest {
    private final TestRig rig = TestRig.plain(List.of(TestRig.product("content", true, CONTENT)));

    @AfterEach
    void close() {
        rig.close();
    }

    private PreservationWorkflow letter(String subject) {
        return rig.start(PreservationWorkflow.class, spec(subject, LegalProcessKind.PRESERVATION_LETTER));
    }

    private RequestSpec spec(String subject, LegalProcessKind kind) {
        return rig.spec(
                RequestType.PRESERVATION,
                Jurisdiction.OTHER,
                subject,
                List.of("content"),
                new LegalProcess(kind, "ref-" + subject, "FBI", null),
                RequestPolicy.DEFAULT);
    }

    @Test
    void aSecondLegalPersonApprovesThenTheHoldIsRegisteredAndProductsPreserve() {
        rig.product("content").seed("sk-p1", 3);
        PreservationWorkflow wf = letter("sk-p1");
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        assertThat(Refusals.typeOf(() -> wf.approve(new OperatorAction("ops", null))))
                .isEqualTo(Rejections.FOUR_EYES);
        assertThat(Refusals.typeOf(() -> wf.release(new OperatorAction("legal", "x"))))
                .isEqualTo(Rejections.NOT_ALLOWED_NOW);
        wf.approve(new OperatorAction("legal2", null));
        RequestSnapshot active = rig.await(wf, v -> v.status() == RequestStatus.ACTIVE);
        assertThat(active.holdExpiresAt()).isEqualTo(active.receivedAt().plus(Duration.ofDays(90)));
        assertThat(active.products().get(0).result().receipt().items()).isEqualTo(3);
        assertThat(rig.product("content").preservedRows(active.id(), "sk-p1")).isEqualTo(3);
        HoldRegistryWorkflow registry =
                rig.client.newWorkflowStub(HoldRegistryWorkflow.class, WorkflowIds.holds("sk-p1"));
        assertThat(registry.state().holds())
                .singleElement()
                .satisfies(h -> assertThat(h.products()).containsExactly("content"));
    }

    @Test
    void aPreservationLetterExpiresAfterNinetyDays() {
        rig.product("content").seed("sk-p2", 1);
        PreservationWorkflow wf = letter("sk-p2");
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("legal2", null));
        rig.finish(wf);
        RequestSnapshot done = wf.view();
        assertThat(done.status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(done.completedAt())
                .isBetween(
                        done.receivedAt().plus(Duration.ofDays(90)),
                        done.receivedAt().plus(Duration.ofDays(91)));
        assertThat(rig.product("content").calls("release")).hasSize(1);
        assertThat(rig.product("content").preservedRows(done.id(), "sk-p2")).isZero();
        HoldRegistryWorkflow registry =
                rig.client.newWorkflowStub(HoldRegistryWorkflow.class, WorkflowIds.holds("sk-p2"));
        assertThat(registry.state().holds()).isEmpty();
    }

    @Test
    void aPreservationLetterRenewsOnceByAtMostNinetyDays() {
        PreservationWorkflow wf = letter("sk-p3");
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("legal2", null));
        RequestSnapshot active = rig.await(wf, v -> v.status() == RequestStatus.ACTIVE);
        rig.env.sleep(Duration.ofDays(80));
        assertThat(wf.view().status()).isEqualTo(RequestStatus.ACTIVE);

        assertThat(Refusals.typeOf(() -> wf.renew(new Renewal("legal", null, " "))))
                .isEqualTo(Rejections.REASON_REQUIRED);
        assertThat(Refusals.typeOf(() ->
                        wf.renew(new Renewal("legal", active.holdExpiresAt().plus(Duration.ofDays(91)), "more"))))
                .isEqualTo(Rejections.INVALID_INPUT);
        RequestSnapshot renewed = wf.renew(new Renewal("legal", null, "investigation continues"));
        assertThat(renewed.holdExpiresAt()).isEqualTo(active.receivedAt().plus(Duration.ofDays(180)));
        assertThat(Refusals.typeOf(() -> wf.renew(new Renewal("legal", null, "again"))))
                .isEqualTo(Rejections.NOT_ALLOWED_NOW);

        rig.env.sleep(Duration.ofDays(20));
        assertThat(wf.view().status())
                .as("renewal re-armed the timer past day 90")
                .isEqualTo(RequestStatus.ACTIVE);
        rig.finish(wf);
        RequestSnapshot done = wf.view();
        assertThat(done.status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(done.completedAt())
                .isBetween(
                        done.receivedAt().plus(Duration.ofDays(180)),
                        done.receivedAt().plus(Duration.ofDays(181)));
    }

    @Test
    void aReDrivenPreservationKeepsItsRenewalAndItsRenewalCount() {
        rig.product("content").seed("sk-p5", 2);
        var spec = spec("sk-p5", LegalProcessKind.PRESERVATION_LETTER);
        PreservationWorkflow first = rig.start(PreservationWorkflow.class, spec);
        rig.await(first, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        first.approve(new OperatorAction("legal2", null));
        rig.await(first, v -> v.status() == RequestStatus.ACTIVE);
        rig.env.sleep(Duration.ofDays(80));
        Instant day180 = first.renew(new Renewal("legal", null, "investigation continues"))
                .holdExpiresAt();
        assertThat(day180).isEqualTo(spec.receivedAt().plus(Duration.ofDays(180)));
        rig.env.sleep(Duration.ofDays(20));

        PreservationWorkflow second = rig.redrive(PreservationWorkflow.class, spec);
        RequestSnapshot resumed = rig.await(second, v -> v.status() == RequestStatus.ACTIVE);
        assertThat(resumed.holdExpiresAt()).as("the renewed date, not day 90").isEqualTo(day180);
        assertThat(Refusals.typeOf(() -> second.renew(new Renewal("legal", null, "once more"))))
                .as("a letter is renewed once, also across runs")
                .isEqualTo(Rejections.NOT_ALLOWED_NOW);
        rig.env.sleep(Duration.ofDays(70));
        assertThat(second.view().status()).as("day 170: still held").isEqualTo(RequestStatus.ACTIVE);
        assertThat(rig.product("content").preservedRows(spec.id(), "sk-p5")).isEqualTo(2);
        rig.finish(second);
        RequestSnapshot done = second.view();
        assertThat(done.status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(done.completedAt()).isBetween(day180, day180.plus(Duration.ofDays(1)));
    }

    @Test
    void aReleaseRequestedBeforeTheRunWasLostIsCarriedOut() {
        var spec = spec("sk-p6", LegalProcessKind.COURT_ORDER);
        PreservationWorkflow first = rig.start(PreservationWorkflow.class, spec);
        rig.await(first, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        first.approve(new OperatorAction("legal2", null));
        rig.await(first, v -> v.status() == RequestStatus.ACTIVE);
        // the release is recorded, then the run is lost before it ends the hold
        rig.product("content").failPermanently("release");
        first.release(new OperatorAction("legal", "order vacated"));
        rig.await(first, v -> v.products().get(0).status() == ProductTaskStatus.FAILED);

        rig.product("content").heal();
        PreservationWorkflow second = rig.redrive(PreservationWorkflow.class, spec);
        RequestSnapshot done = rig.await(second, v -> v.status() == RequestStatus.RELEASED);
        assertThat(rig.ledger.events(spec.id()))
                .filteredOn(e -> e.kind().equals("RELEASED") || e.kind().equals("RELEASE_REQUESTED"))
                .extracting(e -> e.kind() + " " + e.detail())
                .as("the release is re-applied, not recorded again")
                .containsExactly("RELEASE_REQUESTED order vacated", "RELEASED released by legal");
        assertThat(rig.product("content").preservedRows(spec.id(), "sk-p6")).isZero();
    }

    @Test
    void aCourtOrderLastsUntilReleased() {
        PreservationWorkflow wf = rig.start(PreservationWorkflow.class, spec("sk-p4", LegalProcessKind.COURT_ORDER));
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("legal2", null));
        rig.await(wf, v -> v.status() == RequestStatus.ACTIVE);
        rig.env.sleep(Duration.ofDays(400));
        assertThat(wf.view().status()).isEqualTo(RequestStatus.ACTIVE);
        assertThat(wf.view().holdExpiresAt()).isNull();
        assertThat(Refusals.typeOf(() -> wf.release(new OperatorAction("legal", null))))
                .isEqualTo(Rejections.REASON_REQUIRED);
        wf.release(new OperatorAction("legal", "order vacated"));
        rig.finish(wf);
        assertThat(wf.view().status()).isEqualTo(RequestStatus.RELEASED);
    }
}
