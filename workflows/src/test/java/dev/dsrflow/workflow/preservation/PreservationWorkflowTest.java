package dev.dsrflow.workflow.preservation;

import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.LegalProcessKind;
import dev.dsrflow.model.RequestPolicy;
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
        var spec = rig.spec(
                RequestType.PRESERVATION,
                Jurisdiction.OTHER,
                subject,
                List.of("content"),
                new LegalProcess(LegalProcessKind.PRESERVATION_LETTER, "2703f-7", "FBI", null),
                RequestPolicy.DEFAULT);
        return rig.start(PreservationWorkflow.class, spec);
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
    void aCourtOrderLastsUntilReleased() {
        var spec = rig.spec(
                RequestType.PRESERVATION,
                Jurisdiction.OTHER,
                "sk-p4",
                List.of("content"),
                new LegalProcess(LegalProcessKind.COURT_ORDER, "c-1", "Court", null),
                RequestPolicy.DEFAULT);
        PreservationWorkflow wf = rig.start(PreservationWorkflow.class, spec);
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
