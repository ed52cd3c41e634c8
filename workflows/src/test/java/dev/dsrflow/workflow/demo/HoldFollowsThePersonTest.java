package dev.dsrflow.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.LegalProcessKind;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.preservation.PreservationWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a legal hold follows the person, not the identifier. Legal files a preservation with
 * one identifier, privacy-ops a deletion of the same person with another; the demo {@code profile}
 * product (it owns identity: RESOLVE) links them, so the deletion defers the held product and
 * erases it only once the hold is released. On the demo products on PostgreSQL; the seeded demo
 * subjects {@code u-NNNN} have an e-mail, and every third a phone number.
 */
class HoldFollowsThePersonTest {
    private static final RequestPolicy FAST_GRACE =
            new RequestPolicy(Duration.ofDays(2), Duration.ofDays(4), Duration.ofDays(30), Duration.ofDays(7), false);
    private static DemoRig rig;

    @BeforeAll
    static void start() {
        rig = new DemoRig();
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void aHoldFiledByEmailKeepsTheDataADeletionFiledByUserIdWouldErase() {
        String user = "u-0003";
        long held = rig.items(user, "messaging");
        assertThat(held).as("the demo subject's messages").isPositive();

        PreservationWorkflow hold = preserve(new SubjectIdentifiers(null, " User0003@Example.com ", null));
        DeletionWorkflow deletion = delete(new SubjectIdentifiers(user, null, null));

        RequestSnapshot waiting = rig.await(deletion, v -> v.status() == RequestStatus.WAITING_ON_HOLD);
        assertThat(DemoRig.statusOf(waiting, "messaging")).isEqualTo(ProductTaskStatus.DEFERRED);
        assertThat(rig.items(user, "messaging")).as("messages under the hold").isEqualTo(held);
        assertThat(waiting.subjectKeys())
                .as("the deletion's keys include the key the hold was filed under")
                .contains(hold.view().subjectKey())
                .startsWith(waiting.subjectKey());

        releaseAndFinish(hold);
        assertThat(rig.finish(deletion).status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(rig.items(user, "messaging"))
                .as("messages once the hold ended")
                .isZero();
    }

    @Test
    void aHoldFiledByUserIdKeepsTheDataADeletionFiledByPhoneWouldErase() {
        String user = "u-0006";
        long held = rig.items(user, "messaging");
        assertThat(held).as("the demo subject's messages").isPositive();

        PreservationWorkflow hold = preserve(new SubjectIdentifiers(user, null, null));
        // national format, read in the default region (US): the same number as the account's +15550000006
        DeletionWorkflow deletion = delete(new SubjectIdentifiers(null, null, "(555) 000-0006"));

        RequestSnapshot waiting = rig.await(deletion, v -> v.status() == RequestStatus.WAITING_ON_HOLD);
        assertThat(DemoRig.statusOf(waiting, "messaging")).isEqualTo(ProductTaskStatus.DEFERRED);
        assertThat(DemoRig.statusOf(waiting, "profile"))
                .as("the product no hold covers is erased meanwhile")
                .isEqualTo(ProductTaskStatus.DONE);
        assertThat(rig.items(user, "messaging")).as("messages under the hold").isEqualTo(held);
        assertThat(rig.items(user, "content"))
                .as("a deletion filed by phone reaches data the product holds under the user id")
                .isZero();

        List<StoredEvent> events = rig.ledger.events(waiting.id());
        assertThat(events)
                .filteredOn(e -> e.kind().equals("SUBJECT_RESOLVED"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail())
                        .startsWith("3 subject keys")
                        .doesNotContain("0006")
                        .contains(hold.view().subjectKey()));

        releaseAndFinish(hold);
        assertThat(rig.finish(deletion).status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(rig.items(user, "messaging"))
                .as("messages once the hold ended")
                .isZero();
    }

    private static PreservationWorkflow preserve(SubjectIdentifiers filed) {
        RequestSpec spec = rig.spec(
                RequestType.PRESERVATION,
                filed,
                List.of("messaging"),
                new LegalProcess(LegalProcessKind.LITIGATION_HOLD, "case-12", "Counsel", null),
                FAST_GRACE);
        PreservationWorkflow wf = rig.start(PreservationWorkflow.class, spec);
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("legal2", null));
        rig.await(wf, v -> v.status() == RequestStatus.ACTIVE);
        return wf;
    }

    private static DeletionWorkflow delete(SubjectIdentifiers filed) {
        RequestSpec spec =
                rig.spec(RequestType.DELETION, filed, List.of("profile", "messaging", "content"), null, FAST_GRACE);
        assertThat(spec.subjectKey()).isEqualTo(TestRig.SUBJECT_KEY.primary(filed));
        DeletionWorkflow wf = rig.start(DeletionWorkflow.class, spec);
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        rig.env.sleep(Duration.ofDays(3)); // past the grace period
        return wf;
    }

    private static void releaseAndFinish(PreservationWorkflow hold) {
        hold.release(new OperatorAction("legal", "case closed"));
        assertThat(rig.finish(hold).status()).isEqualTo(RequestStatus.RELEASED);
    }
}
