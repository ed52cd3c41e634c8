package dev.dsrflow.workflow;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.LegalProcessKind;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.access.AccessWorkflow;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.download.DownloadWorkflow;
import dev.dsrflow.workflow.preservation.PreservationWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Records the histories {@link ReplayTest} replays, with the encrypted data converter and the
 * test codec key. Until the first release there is one code path per feature: a change to a
 * workflow's commands re-records them all, on purpose:
 * {@code DSRFLOW_RECORD_HISTORIES=1 mvn -pl workflows -am test -Dtest=HistoryRecorder}. From the
 * first release on, a change keeps the old histories and adds new ones next to them
 * (docs/architecture.md says how a change is versioned).
 */
@EnabledIfEnvironmentVariable(named = "DSRFLOW_RECORD_HISTORIES", matches = "1")
class HistoryRecorder {
    static final Path DIR = Path.of("src/test/resources/histories");

    @Test
    void record() throws Exception {
        try (TestRig rig = new TestRig(List.of(
                TestRig.identityProduct("profile", InformationCategory.PROFILE),
                TestRig.product("content", true, InformationCategory.CONTENT),
                TestRig.product("legacy", false, InformationCategory.DEVICE)))) {
            rig.product("profile").seed("sk-rec", 2);
            rig.product("content").seed("sk-rec", 3);

            AccessWorkflow access = rig.start(
                    AccessWorkflow.class,
                    rig.spec(RequestType.ACCESS, Jurisdiction.GDPR, "sk-rec", List.of("profile", "content")));
            rig.finish(access);
            save(rig, "access", access.view().id());

            DownloadWorkflow download = rig.start(
                    DownloadWorkflow.class,
                    rig.spec(RequestType.DOWNLOAD, Jurisdiction.CCPA, "sk-rec", List.of("profile", "content")));
            rig.finish(download);
            save(rig, "download", download.view().id());

            String[] ids = holdAndDeletion(rig, "sk-rec");
            save(rig, "preservation", ids[0]);
            save(rig, "deletion", ids[1]);
            Files.writeString(
                    DIR.resolve("holds.json"),
                    rig.client.fetchHistory(WorkflowIds.holds("sk-rec")).toJson(true));
        }
    }

    /**
     * Records a self-service access (verification required, notices by e-mail): a wrong code, the
     * right one, then the request runs: {@code -Dtest=HistoryRecorder#recordVerified} records it alone.
     */
    @Test
    void recordVerified() throws Exception {
        try (TestRig rig = new TestRig(List.of(
                TestRig.identityProduct("profile", InformationCategory.PROFILE),
                TestRig.product("content", true, InformationCategory.CONTENT),
                TestRig.product("legacy", false, InformationCategory.DEVICE)))) {
            rig.product("profile").seed("sk-rec", 2);
            AccessWorkflow access = rig.start(
                    AccessWorkflow.class,
                    TestRig.selfService(
                            rig.spec(RequestType.ACCESS, Jurisdiction.GDPR, "sk-rec", List.of("profile", "content"))));
            rig.await(access, v -> v.status() == RequestStatus.AWAITING_VERIFICATION);
            org.awaitility.Awaitility.await().until(() -> !rig.mailbox.all().isEmpty());
            String code = rig.mailbox.lastCode();
            access.verify(new CodeAttempt(code.equals("000000") ? "111111" : "000000"));
            access.verify(new CodeAttempt(code));
            rig.finish(access);
            save(rig, "access-verified", access.view().id());
        }
    }

    /**
     * Records requests split into batch child workflows (batch size 1 over two products), and one
     * batch: {@code -Dtest=HistoryRecorder#recordBatched} records these alone.
     */
    @Test
    void recordBatched() throws Exception {
        try (TestRig rig = new TestRig(List.of(
                TestRig.identityProduct("profile", InformationCategory.PROFILE),
                TestRig.product("content", true, InformationCategory.CONTENT),
                TestRig.product("legacy", false, InformationCategory.DEVICE)))) {
            rig.product("profile").seed("sk-recb", 2);
            rig.product("content").seed("sk-recb", 3);
            RequestPolicy batchOfOne = RequestPolicy.DEFAULT.withProductBatchSize(1);

            AccessWorkflow access = rig.start(
                    AccessWorkflow.class,
                    rig.spec(
                            RequestType.ACCESS,
                            Jurisdiction.GDPR,
                            "sk-recb",
                            List.of("profile", "content"),
                            null,
                            batchOfOne));
            rig.finish(access);
            save(rig, "access-batched", access.view().id());
            String batch =
                    WorkflowIds.productBatch(WorkflowIds.request(access.view().id()), "locate", 1, 0);
            Files.writeString(
                    DIR.resolve("access-batched-locate-b0.json"),
                    rig.client.fetchHistory(batch).toJson(true));

            DeletionWorkflow deletion = rig.start(
                    DeletionWorkflow.class,
                    rig.spec(
                            RequestType.DELETION,
                            Jurisdiction.GDPR,
                            "sk-recb",
                            List.of("profile", "content"),
                            null,
                            batchOfOne));
            rig.await(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
            deletion.approve(new OperatorAction("ops2", null));
            rig.await(deletion, v -> v.status() == RequestStatus.GRACE_PERIOD);
            org.awaitility.Awaitility.await()
                    .until(() -> rig.ledger.events(deletion.view().id()).stream()
                            .anyMatch(e -> e.kind().equals("RESTRICTED")));
            deletion.cancel(new OperatorAction("ops", "subject withdrew"));
            rig.finish(deletion);
            save(rig, "deletion-batched-cancelled", deletion.view().id());
        }
    }

    /**
     * Records a complete deletion split into batches (restrict and erase, batch size 1 over two
     * products): {@code -Dtest=HistoryRecorder#recordBatchedDeletion} records it alone.
     */
    @Test
    void recordBatchedDeletion() throws Exception {
        try (TestRig rig = new TestRig(List.of(
                TestRig.identityProduct("profile", InformationCategory.PROFILE),
                TestRig.product("content", true, InformationCategory.CONTENT),
                TestRig.product("legacy", false, InformationCategory.DEVICE)))) {
            rig.product("profile").seed("sk-recbd", 2);
            rig.product("content").seed("sk-recbd", 3);
            DeletionWorkflow deletion = rig.start(
                    DeletionWorkflow.class,
                    rig.spec(
                            RequestType.DELETION,
                            Jurisdiction.GDPR,
                            "sk-recbd",
                            List.of("profile", "content"),
                            null,
                            RequestPolicy.DEFAULT.withProductBatchSize(1)));
            rig.await(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
            deletion.approve(new OperatorAction("ops2", null));
            rig.finish(deletion);
            save(rig, "deletion-batched", deletion.view().id());
            String batch =
                    WorkflowIds.productBatch(WorkflowIds.request(deletion.view().id()), "erase", 1, 1);
            Files.writeString(
                    DIR.resolve("deletion-batched-erase-b1.json"),
                    rig.client.fetchHistory(batch).toJson(true));
        }
    }

    /**
     * Records a deletion with no grace period left (nothing restricted): {@code
     * -Dtest=HistoryRecorder#recordNoGrace}.
     */
    @Test
    void recordNoGrace() throws Exception {
        try (TestRig rig = new TestRig(List.of(
                TestRig.identityProduct("profile", InformationCategory.PROFILE),
                TestRig.product("content", true, InformationCategory.CONTENT),
                TestRig.product("legacy", false, InformationCategory.DEVICE)))) {
            rig.product("profile").seed("sk-rec0", 1);
            RequestPolicy noGrace = new RequestPolicy(
                    Duration.ZERO, Duration.ofDays(4), Duration.ofDays(30), Duration.ofDays(7), false);
            DeletionWorkflow deletion = rig.start(
                    DeletionWorkflow.class,
                    rig.spec(
                            RequestType.DELETION,
                            Jurisdiction.GDPR,
                            "sk-rec0",
                            List.of("profile", "content"),
                            null,
                            noGrace));
            rig.await(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
            deletion.approve(new OperatorAction("ops2", null));
            rig.finish(deletion);
            save(rig, "deletion-no-grace", deletion.view().id());
        }
    }

    /**
     * A preservation letter on content, then a deletion of the same subject: content deferred,
     * legacy completed by hand, the hold renewed once and left to expire, content erased then.
     * Returns the preservation's and the deletion's request ids.
     */
    private static String[] holdAndDeletion(TestRig rig, String subject) {
        PreservationWorkflow hold = rig.start(
                PreservationWorkflow.class,
                rig.spec(
                        RequestType.PRESERVATION,
                        Jurisdiction.OTHER,
                        subject,
                        List.of("content"),
                        new LegalProcess(LegalProcessKind.PRESERVATION_LETTER, "2703f-9", "FBI", null),
                        RequestPolicy.DEFAULT));
        rig.await(hold, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        hold.approve(new OperatorAction("legal2", null));
        rig.await(hold, v -> v.status() == RequestStatus.ACTIVE);

        DeletionWorkflow deletion = rig.start(
                DeletionWorkflow.class,
                rig.spec(RequestType.DELETION, Jurisdiction.GDPR, subject, List.of("profile", "content", "legacy")));
        rig.await(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        deletion.extend(new OperatorAction("ops", "legacy system needs a manual export first"));
        deletion.approve(new OperatorAction("ops2", null));
        rig.env.sleep(Duration.ofDays(31));
        rig.await(
                deletion,
                v -> v.products().get(1).status() == ProductTaskStatus.DEFERRED
                        && v.products().get(2).status() == ProductTaskStatus.MANUAL);
        deletion.completeProduct(new ProductAction("ops2", "legacy", "wiped by hand, ticket 9"));
        hold.renew(new Renewal("legal", null, "investigation continues"));
        rig.finish(hold);
        rig.finish(deletion);
        return new String[] {hold.view().id(), deletion.view().id()};
    }

    private static void save(TestRig rig, String name, String requestId) throws Exception {
        Files.createDirectories(DIR);
        Files.writeString(
                DIR.resolve(name + ".json"),
                rig.client.fetchHistory(WorkflowIds.request(requestId)).toJson(true));
    }
}
