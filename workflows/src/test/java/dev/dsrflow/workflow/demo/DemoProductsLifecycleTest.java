package dev.dsrflow.workflow.demo;

import static dev.dsrflow.workflow.demo.DemoRig.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.certificate.CertificateVerifier;
import dev.dsrflow.certificate.DeletionEvidence;
import dev.dsrflow.certificate.ProductEvidence;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.LegalProcessKind;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.preservation.PreservationWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.client.WorkflowStub;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deletion and preservation workflows against the real demo products on PostgreSQL,
 * through the real product activity adapter, with time skipping: the evidence is read from
 * the products' own tables, not from a fixture.
 */
class DemoProductsLifecycleTest {
    private static DemoRig rig;

    @BeforeAll
    static void start() {
        rig = new DemoRig();
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    private static RequestSpec spec(RequestType type, String userId, List<String> products, LegalProcess process) {
        return rig.spec(type, userId, products, process, RequestPolicy.DEFAULT);
    }

    private static <W extends RequestWorkflow> W start(Class<W> type, RequestSpec spec) {
        return rig.start(type, spec);
    }

    private static RequestSnapshot awaitView(RequestWorkflow stub, Predicate<RequestSnapshot> condition) {
        return rig.await(stub, condition);
    }

    private static long held(String userId, String product) {
        return rig.items(userId, product);
    }

    private static long preservedCopies(String product, String subjectKey) throws Exception {
        try (Connection c = rig.db.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from product_" + product.replace('-', '_')
                        + ".held_items where subject_key = ?")) {
            ps.setString(1, subjectKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long visible(String userId, String product) {
        return rig.product(product).visibleItems(new SubjectIdentifiers(userId, null, null));
    }

    @Test
    void cancellingInsideTheGracePeriodMakesTheRestrictedRowsVisibleAgain() {
        long before = visible("u-0031", "content");
        assertThat(before).isPositive();
        DeletionWorkflow deletion = start(
                DeletionWorkflow.class, spec(RequestType.DELETION, "u-0031", List.of("content", "messaging"), null));
        awaitView(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        deletion.approve(new OperatorAction("ops2", null));
        awaitView(deletion, v -> v.status() == RequestStatus.GRACE_PERIOD);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> visible("u-0031", "content") == 0);
        assertThat(held("u-0031", "content")).as("restricted, not erased").isEqualTo(before);

        rig.env.sleep(Duration.ofDays(10));
        deletion.cancel(new OperatorAction("ops", "the subject withdrew the request"));
        WorkflowStub.fromTyped(deletion).getResult(Void.class);
        assertThat(deletion.view().status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(visible("u-0031", "content"))
                .as("visible again after the cancel")
                .isEqualTo(before);
    }

    @Test
    void aDeletionErasesTheDemoProductsRowsAfterItsGracePeriodAndCertifiesTheCounts() {
        long messaging = held("u-0011", "messaging");
        long profile = held("u-0011", "profile");
        assertThat(messaging).isPositive();
        DeletionWorkflow deletion = start(
                DeletionWorkflow.class, spec(RequestType.DELETION, "u-0011", List.of("messaging", "profile"), null));
        awaitView(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        deletion.approve(new OperatorAction("ops2", null));
        awaitView(deletion, v -> v.status() == RequestStatus.GRACE_PERIOD);
        assertThat(held("u-0011", "messaging"))
                .as("still there during the grace period")
                .isEqualTo(messaging);

        WorkflowStub.fromTyped(deletion).getResult(Void.class); // 30 days skip by
        assertThat(held("u-0011", "messaging")).isZero();
        assertThat(held("u-0011", "profile")).isZero();
        assertThat(held("u-0012", "messaging"))
                .as("another subject is untouched")
                .isPositive();

        DeletionEvidence evidence = new CertificateVerifier(TestRig.CERT_SECRET)
                .verify(deletion.view().certificate())
                .orElseThrow();
        Map<String, Long> erased = new HashMap<>();
        for (ProductEvidence p : evidence.products()) {
            erased.put(p.product(), p.itemsErased());
            assertThat(p.verified()).isTrue();
        }
        assertThat(erased).containsEntry("messaging", messaging).containsEntry("profile", profile);
    }

    @Test
    void aCourtOrderHoldsMessagingForSixMonthsAndTheDeferredErasureRunsOnRelease() throws Exception {
        long messaging = held("u-0021", "messaging");
        String key = "sk-demo-u-0021";
        PreservationWorkflow hold = start(
                PreservationWorkflow.class,
                spec(
                        RequestType.PRESERVATION,
                        "u-0021",
                        List.of("messaging"),
                        new LegalProcess(LegalProcessKind.COURT_ORDER, "case-7", "District Court", null)));
        awaitView(hold, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        hold.approve(new OperatorAction("legal2", null));
        RequestSnapshot active = awaitView(hold, v -> v.status() == RequestStatus.ACTIVE);
        assertThat(active.products().get(0).result().receipt().items()).isEqualTo(messaging);
        assertThat(preservedCopies("messaging", key)).isEqualTo(messaging);

        DeletionWorkflow deletion = start(
                DeletionWorkflow.class, spec(RequestType.DELETION, "u-0021", List.of("messaging", "profile"), null));
        awaitView(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        deletion.approve(new OperatorAction("ops2", null));
        rig.env.sleep(Duration.ofDays(31));
        RequestSnapshot waiting = awaitView(
                deletion,
                v -> v.status() == RequestStatus.WAITING_ON_HOLD && statusOf(v, "profile") == ProductTaskStatus.DONE);
        assertThat(statusOf(waiting, "messaging")).isEqualTo(ProductTaskStatus.DEFERRED);
        assertThat(held("u-0021", "profile")).isZero();

        rig.env.sleep(Duration.ofDays(180));
        assertThat(held("u-0021", "messaging"))
                .as("held data survives six months of a waiting deletion")
                .isEqualTo(messaging);
        assertThat(statusOf(deletion.view(), "messaging")).isEqualTo(ProductTaskStatus.DEFERRED);

        hold.release(new OperatorAction("legal", "case closed"));
        WorkflowStub.fromTyped(hold).getResult(Void.class);
        assertThat(hold.view().status()).isEqualTo(RequestStatus.RELEASED);
        assertThat(preservedCopies("messaging", key))
                .as("release drops the preserved copy")
                .isZero();
        WorkflowStub.fromTyped(deletion).getResult(Void.class);
        assertThat(deletion.view().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(held("u-0021", "messaging")).isZero();
    }
}
