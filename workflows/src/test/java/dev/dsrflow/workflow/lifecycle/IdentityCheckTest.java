package dev.dsrflow.workflow.lifecycle;

import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static dev.dsrflow.catalogue.InformationCategory.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.notification.OutgoingMail;
import dev.dsrflow.workflow.CodeAttempt;
import dev.dsrflow.workflow.CodeResend;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.VerificationAnswer;
import dev.dsrflow.workflow.VerificationAnswer.Outcome;
import dev.dsrflow.workflow.access.AccessWorkflow;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request whose subject must prove control of their address, and the notices it is sent. */
class IdentityCheckTest {
    private final TestRig rig =
            new TestRig(List.of(TestRig.product("profile", true, PROFILE), TestRig.product("content", true, CONTENT)));

    @AfterEach
    void close() {
        rig.close();
    }

    private AccessWorkflow selfServiceAccess(Jurisdiction jurisdiction, String subjectKey) {
        RequestSpec spec = TestRig.selfService(
                rig.spec(RequestType.ACCESS, jurisdiction, subjectKey, List.of("profile", "content")));
        AccessWorkflow wf = rig.start(AccessWorkflow.class, spec);
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_VERIFICATION);
        org.awaitility.Awaitility.await().until(() -> !rig.mailbox.all().isEmpty());
        return wf;
    }

    @Test
    void aVerifiedSelfServiceAccessIsAcknowledgedThenAnsweredWithItsReport() {
        rig.product("profile").seed("sk-v1", 2);
        AccessWorkflow wf = selfServiceAccess(Jurisdiction.GDPR, "sk-v1");
        String code = rig.mailbox.lastCode();
        assertThat(rig.mailbox.all().get(0).to()).isEqualTo(TestRig.SUBJECT_ADDRESS);
        assertThat(wf.view().dueAt())
                .as("one month from receipt: verification does not stop the clock")
                .isEqualTo(wf.view().receivedAt().plus(Duration.ofDays(28)));

        VerificationAnswer wrong = wf.verify(new CodeAttempt(otherThan(code)));
        assertThat(wrong.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(wrong.remainingTries()).isEqualTo(4);
        VerificationAnswer right = wf.verify(new CodeAttempt(code));
        assertThat(right.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(right.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        rig.finish(wf);

        assertThat(wf.view().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(rig.mailbox.subjects())
                .containsExactly("Your verification code", "We received your access request", "Your access report");
        OutgoingMail ack = rig.mailbox.all().get(1);
        assertThat(ack.text())
                .contains("by 28 February 2026")
                .contains("https://privacy.example.com/v1/subject-requests/");
        assertThat(ack.html()).contains("<strong>28 February 2026</strong>");
        OutgoingMail outcome = rig.mailbox.all().get(2);
        assertThat(outcome.attachmentName()).isEqualTo("access-report.html");
        assertThat(new String(outcome.attachment())).contains("Information we hold about you");
        List<StoredEvent> events = rig.ledger.events(wf.view().id());
        assertThat(events).extracting(StoredEvent::kind).contains("AWAITING_VERIFICATION", "VERIFIED");
        assertThat(events).noneMatch(e -> String.valueOf(e.detail()).contains(TestRig.SUBJECT_ADDRESS));
        assertThat(events).noneMatch(e -> String.valueOf(e.detail()).contains(code));
    }

    @Test
    void fiveWrongCodesLockTheCodeUntilANewOneIsSent() {
        AccessWorkflow wf = selfServiceAccess(Jurisdiction.CCPA, "sk-v2");
        String code = rig.mailbox.lastCode();
        for (int i = 1; i <= 5; i++) {
            assertThat(wf.verify(new CodeAttempt(otherThan(code))).remainingTries())
                    .isEqualTo(5 - i);
        }
        assertThat(wf.verify(new CodeAttempt(code)).outcome()).isEqualTo(Outcome.LOCKED);

        wf.resendCode(new CodeResend("privacy-center"));
        assertThat(rig.mailbox.subjects()).containsExactly("Your verification code", "Your verification code");
        String fresh = rig.mailbox.lastCode();
        assertThat(wf.verify(new CodeAttempt(fresh)).outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(rig.ledger.events(wf.view().id()))
                .extracting(StoredEvent::kind)
                .contains("VERIFICATION_LOCKED", "CODE_RESENT", "VERIFIED");
    }

    @Test
    void aCodeIsRefusedOnceItsTenMinutesHavePassed() {
        AccessWorkflow wf = selfServiceAccess(Jurisdiction.GDPR, "sk-v3");
        String code = rig.mailbox.lastCode();
        rig.env.sleep(Duration.ofMinutes(11));
        VerificationAnswer late = wf.verify(new CodeAttempt(code));
        assertThat(late.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(late.status()).isEqualTo(RequestStatus.AWAITING_VERIFICATION);
    }

    @Test
    void resendsAreBounded() {
        AccessWorkflow wf = selfServiceAccess(Jurisdiction.GDPR, "sk-v4");
        for (int i = 0; i < IdentityCheck.MAX_RESENDS; i++) {
            wf.resendCode(new CodeResend("privacy-center"));
        }
        assertThatThrownBy(() -> wf.resendCode(new CodeResend("privacy-center")))
                .isInstanceOf(WorkflowUpdateException.class);
        assertThat(rig.mailbox.all()).hasSize(1 + IdentityCheck.MAX_RESENDS);
    }

    @Test
    void theValidatorRefusesACodeThatIsNotSixDigits() {
        AccessWorkflow wf = selfServiceAccess(Jurisdiction.GDPR, "sk-v5");
        assertThatThrownBy(() -> wf.verify(new CodeAttempt("12a456"))).isInstanceOf(WorkflowUpdateException.class);
        assertThatThrownBy(() -> wf.verify(new CodeAttempt("1234567"))).isInstanceOf(WorkflowUpdateException.class);
        assertThat(wf.verify(new CodeAttempt(otherThan(rig.mailbox.lastCode()))).remainingTries())
                .as("refused input used no try")
                .isEqualTo(4);
    }

    @Test
    void anUnverifiedRequestIsRejectedAfterSevenDaysAndToldWhereToComplain() {
        rig.product("profile").seed("sk-v6", 1);
        RequestSpec spec = TestRig.selfService(
                rig.spec(RequestType.DELETION, Jurisdiction.GDPR, "sk-v6", List.of("profile", "content")));
        DeletionWorkflow wf = rig.start(DeletionWorkflow.class, spec);
        rig.finish(wf);

        assertThat(wf.view().status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(wf.view().completedAt())
                .isBetween(
                        spec.receivedAt().plus(IdentityCheck.WINDOW),
                        spec.receivedAt().plus(IdentityCheck.WINDOW).plusSeconds(1));
        assertThat(rig.ledger.events(spec.id())).extracting(StoredEvent::kind).endsWith("REJECTED");
        assertThat(rig.ledger
                        .events(spec.id())
                        .get(rig.ledger.events(spec.id()).size() - 1)
                        .detail())
                .startsWith("UNVERIFIED");
        OutgoingMail rejection = rig.mailbox.all().get(rig.mailbox.all().size() - 1);
        assertThat(rejection.subject()).isEqualTo("Your deletion request could not be completed");
        assertThat(rejection.text())
                .contains("UNVERIFIED")
                .contains("the Data Protection Commission (https://www.dataprotection.ie)");
        assertThat(rig.product("profile").calls()).as("no product was touched").isEmpty();
    }

    @Test
    void anExtensionTellsTheSubjectTheNewDateAndWhy() {
        rig.product("content").failPermanently("locate");
        RequestSpec filed = rig.spec(RequestType.ACCESS, Jurisdiction.CCPA, "sk-v7", List.of("profile", "content"));
        RequestSpec spec = withContact(filed);
        AccessWorkflow wf = rig.start(AccessWorkflow.class, spec);
        rig.await(wf, v -> v.products().get(1).status() == ProductTaskStatus.FAILED);
        wf.extend(new OperatorAction("ops", "the messaging archive is restored from tape"));
        org.awaitility.Awaitility.await().until(() -> rig.mailbox.all().size() == 2);

        assertThat(rig.mailbox.subjects())
                .containsExactly("We received your access request", "Your access request: a new due date");
        OutgoingMail extension = rig.mailbox.all().get(1);
        assertThat(extension.text())
                .contains("Reason: the messaging archive is restored from tape")
                .contains("Our new response date is 1 May 2026");
    }

    @Test
    void aNoticeWhoseActivityFailsAfterTheSendIsMailedOnce() {
        try (TestRig failing = TestRig.builder()
                .memoryProducts(List.of(TestRig.product("profile", true, PROFILE)))
                .noticeOutbox(FailingOnceOutbox::new)
                .build()) {
            RequestSpec spec =
                    withContact(failing.spec(RequestType.ACCESS, Jurisdiction.GDPR, "sk-v8", List.of("profile")));
            AccessWorkflow wf = failing.start(AccessWorkflow.class, spec);
            failing.finish(wf);
            assertThat(failing.mailbox.subjects())
                    .containsExactly("We received your access request", "Your access report");
        }
    }

    @Test
    void aCompletedDeletionTellsTheSubjectTheirDataIsErased() {
        rig.product("profile").seed("sk-v9", 2);
        RequestSpec spec = withContact(rig.spec(RequestType.DELETION, Jurisdiction.GDPR, "sk-v9", List.of("profile")));
        DeletionWorkflow wf = rig.start(DeletionWorkflow.class, spec);
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new dev.dsrflow.workflow.OperatorAction("ops2", null));
        rig.finish(wf);

        assertThat(wf.view().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(rig.product("profile").liveRows("sk-v9")).isZero();
        org.awaitility.Awaitility.await().until(() -> rig.mailbox.all().size() == 2);
        assertThat(rig.mailbox.all()).allSatisfy(m -> assertThat(m.to()).isEqualTo(TestRig.SUBJECT_ADDRESS));
        assertThat(rig.mailbox.subjects().get(0)).isEqualTo("We received your deletion request");
        OutgoingMail done = rig.mailbox.all().get(1);
        assertThat(done.text())
                .contains("Your personal data has been erased (GDPR Art. 17, reference "
                        + wf.view().id() + ")")
                .doesNotContain("We kept the following");
        assertThat(done.html()).contains(wf.view().id());
    }

    /** An ops-filed request (verified) with a contact address: notices without a code. */
    private static RequestSpec withContact(RequestSpec spec) {
        RequestSpec self = TestRig.selfService(spec);
        return new RequestSpec(
                self.id(),
                self.type(),
                self.subject(),
                self.subjectKey(),
                self.jurisdiction(),
                self.products(),
                self.categories(),
                self.dateRange(),
                self.format(),
                self.legalProcess(),
                "ops",
                self.receivedAt(),
                self.note(),
                self.policy(),
                self.catalogue(),
                dev.dsrflow.model.Verification.VERIFIED,
                true);
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
