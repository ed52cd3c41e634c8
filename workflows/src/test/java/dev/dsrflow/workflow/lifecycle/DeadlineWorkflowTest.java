package dev.dsrflow.workflow.lifecycle;

import static dev.dsrflow.catalogue.InformationCategory.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.testing.Refusals;
import dev.dsrflow.workflow.testing.TestRig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Due dates, warnings, escalation and the extension rules, on a deletion left unapproved. */
class DeadlineWorkflowTest {
    private final TestRig rig = TestRig.plain(List.of(TestRig.product("profile", true, PROFILE)));

    @AfterEach
    void close() {
        rig.close();
    }

    private DeletionWorkflow waitingDeletion(Jurisdiction jurisdiction) {
        DeletionWorkflow wf = rig.start(
                DeletionWorkflow.class, rig.spec(RequestType.DELETION, jurisdiction, "sk-d", List.of("profile")));
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        return wf;
    }

    private List<String> kinds(String id) {
        return rig.ledger.events(id).stream().map(StoredEvent::kind).toList();
    }

    @Test
    void theDueDateComesFromReceivedAtAndAWarningThenAnEscalationAreRecorded() {
        DeletionWorkflow wf = waitingDeletion(Jurisdiction.GDPR);
        RequestSnapshot v = wf.view();
        assertThat(v.receivedAt()).isBetween(TestRig.T0, TestRig.T0.plusSeconds(60));
        assertThat(v.dueAt())
                .as("Jan 31 + one month")
                .isEqualTo(Instant.parse("2026-02-28T10:00:00Z").plus(Duration.between(TestRig.T0, v.receivedAt())));

        rig.env.sleep(Duration.ofDays(22));
        assertThat(kinds(v.id())).contains("DEADLINE_WARNING").doesNotContain("OVERDUE");
        rig.env.sleep(Duration.ofDays(7));
        assertThat(kinds(v.id())).containsOnlyOnce("DEADLINE_WARNING").containsOnlyOnce("OVERDUE");
    }

    @Test
    void anExtensionNeedsAReasonHappensOnceAndOnlyBeforeTheOriginalDueDate() {
        DeletionWorkflow wf = waitingDeletion(Jurisdiction.CCPA);
        assertThat(Refusals.typeOf(() -> wf.extend(new OperatorAction("ops", null))))
                .isEqualTo(Rejections.REASON_REQUIRED);
        RequestSnapshot extended = wf.extend(new OperatorAction("ops", "complex request across legacy systems"));
        assertThat(extended.extended()).isTrue();
        assertThat(extended.dueAt()).isEqualTo(extended.receivedAt().plus(Duration.ofDays(90)));
        assertThat(Refusals.typeOf(() -> wf.extend(new OperatorAction("ops", "again"))))
                .isEqualTo(Rejections.NOT_ALLOWED_NOW);

        rig.env.sleep(Duration.ofDays(50));
        assertThat(kinds(extended.id()))
                .as("no escalation at the original due date")
                .doesNotContain("OVERDUE");
        rig.env.sleep(Duration.ofDays(41));
        assertThat(kinds(extended.id())).contains("OVERDUE");
    }

    @Test
    void anExtensionAfterTheOriginalDueDateIsRefused() {
        DeletionWorkflow wf = waitingDeletion(Jurisdiction.GDPR);
        rig.env.sleep(Duration.ofDays(29));
        assertThat(Refusals.typeOf(() -> wf.extend(new OperatorAction("ops", "too late"))))
                .isEqualTo(Rejections.NOT_ALLOWED_NOW);
    }

    @Test
    void aFinishedRequestKeepsNoTimerAlive() {
        DeletionWorkflow wf = waitingDeletion(Jurisdiction.GDPR);
        wf.reject(new OperatorAction("ops2", "duplicate"));
        rig.finish(wf);
        assertThat(kinds(wf.view().id())).doesNotContain("DEADLINE_WARNING", "OVERDUE");
    }
}
