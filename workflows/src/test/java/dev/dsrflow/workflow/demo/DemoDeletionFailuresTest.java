package dev.dsrflow.workflow.demo;

import static dev.dsrflow.workflow.demo.DemoRig.detailOf;
import static dev.dsrflow.workflow.demo.DemoRig.statusOf;
import static dev.dsrflow.workflow.demo.DemoRig.subjectKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.certificate.CertificateVerifier;
import dev.dsrflow.certificate.ProductEvidence;
import dev.dsrflow.demo.ErasureLogEntry;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.ProductAction;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How a deletion copes with products that fail, on the real demo products on PostgreSQL behind
 * the real product adapter, with faults injected in front of them ({@link FaultyProduct}). The
 * evidence is the products' own tables and erasure logs, the ledger and the signed certificate.
 * Each test uses its own seeded demo subject, so the tests share one rig.
 */
class DemoDeletionFailuresTest {
    private static DemoRig rig;

    @BeforeAll
    static void start() {
        rig = new DemoRig();
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    private static DeletionWorkflow deletionPastItsGracePeriod(String userId, List<String> products) {
        DeletionWorkflow deletion = rig.start(
                DeletionWorkflow.class, rig.spec(RequestType.DELETION, userId, products, null, RequestPolicy.DEFAULT));
        rig.await(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        deletion.approve(new OperatorAction("ops2", null));
        rig.await(deletion, v -> v.status() == RequestStatus.GRACE_PERIOD);
        rig.env.sleep(Duration.ofDays(31));
        return deletion;
    }

    private static Map<String, Long> items(String userId, List<String> products) {
        Map<String, Long> items = new HashMap<>();
        products.forEach(p -> items.put(p, rig.items(userId, p)));
        assertThat(items.values()).allSatisfy(n -> assertThat(n).isPositive());
        return items;
    }

    private static Map<String, ProductEvidence> certified(RequestSnapshot done) {
        return new CertificateVerifier(TestRig.CERT_SECRET)
                .verify(done.certificate()).orElseThrow().products().stream()
                        .collect(Collectors.toMap(ProductEvidence::product, p -> p));
    }

    /** What the product's own erasure log says it erased for the subject, in total. */
    private static long logged(String userId, String product) {
        return rig.product(product).erasureLog(subjectKey(userId)).stream()
                .mapToLong(ErasureLogEntry::items)
                .sum();
    }

    /** How many erase runs the product's own erasure log shows for the subject. */
    private static long eraseRuns(String userId, String product) {
        return rig.product(product).erasureLog(subjectKey(userId)).stream()
                .map(ErasureLogEntry::run)
                .distinct()
                .count();
    }

    @Test
    void aProductRefusingToEraseFailsAloneWaitsForAnOperatorAndCompletesOnRetry() {
        String user = "u-0101";
        List<String> products = List.of("profile", "messaging", "content");
        Map<String, Long> before = items(user, products);
        rig.faults("messaging").failPermanently(subjectKey(user), ProductStep.ERASE);

        DeletionWorkflow deletion = deletionPastItsGracePeriod(user, products);
        RequestSnapshot failed = rig.await(
                deletion,
                v -> statusOf(v, "messaging") == ProductTaskStatus.FAILED
                        && statusOf(v, "profile") == ProductTaskStatus.DONE
                        && statusOf(v, "content") == ProductTaskStatus.DONE);
        assertThat(failed.status())
                .as("one failed product never fails the request")
                .isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(detailOf(failed, "messaging")).contains("BACKEND_REFUSED");
        assertThat(rig.items(user, "profile"))
                .as("the rest of the request went ahead")
                .isZero();
        assertThat(rig.items(user, "content")).isZero();
        assertThat(rig.items(user, "messaging"))
                .as("nothing erased by the refused call")
                .isEqualTo(before.get("messaging"));

        rig.env.sleep(Duration.ofDays(3));
        assertThat(statusOf(deletion.view(), "messaging"))
                .as("waits for an operator, however long")
                .isEqualTo(ProductTaskStatus.FAILED);

        rig.faults("messaging").heal(subjectKey(user));
        RequestSnapshot retried = deletion.retryProduct(new ProductAction("ops2", "messaging", "backend fixed"));
        assertThat(statusOf(retried, "messaging"))
                .isIn(ProductTaskStatus.PENDING, ProductTaskStatus.RUNNING, ProductTaskStatus.DONE);
        RequestSnapshot done = rig.finish(deletion);
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(rig.items(user, "messaging")).as("the rows are really gone").isZero();
        Map<String, ProductEvidence> certificate = certified(done);
        for (String p : products) {
            assertThat(certificate.get(p).verified()).isTrue();
            assertThat(certificate.get(p).itemsErased())
                    .as(p)
                    .isEqualTo(before.get(p))
                    .isEqualTo(logged(user, p));
        }
        assertThat(rig.ledger.events(done.id())).extracting(StoredEvent::kind).contains("PRODUCT_RETRY");
    }

    @Test
    void transientOutagesAreRetriedAndAnEraseCutOffMidWayResumesWhereItStopped() {
        String user = "u-0102";
        List<String> products = List.of("profile", "messaging");
        Map<String, Long> before = items(user, products);
        rig.faults("profile").failTransiently(subjectKey(user), ProductStep.ERASE, 2);
        rig.faults("messaging").dropMidErase(subjectKey(user), 2, false);

        RequestSnapshot done = rig.finish(deletionPastItsGracePeriod(user, products));
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(statusOf(done, "profile")).isEqualTo(ProductTaskStatus.DONE);
        assertThat(statusOf(done, "messaging")).isEqualTo(ProductTaskStatus.DONE);
        assertThat(rig.items(user, "messaging")).isZero();
        assertThat(rig.items(user, "profile")).isZero();
        assertThat(eraseRuns(user, "messaging"))
                .as("the retried attempts resumed the one run")
                .isEqualTo(1);
        Map<String, ProductEvidence> certificate = certified(done);
        assertThat(certificate.get("messaging").itemsErased())
                .as("every attempt's chunks counted once")
                .isEqualTo(before.get("messaging"))
                .isEqualTo(logged(user, "messaging"));
        assertThat(certificate.get("profile").itemsErased()).isEqualTo(before.get("profile"));
    }

    /** A messaging erase that loses its connection for good after its first chunk; an operator retries it. */
    private static RequestSnapshot eraseCutOffForGoodThenRetried(String user, long messagingBefore) {
        rig.faults("messaging").dropMidErase(subjectKey(user), 1, true);
        DeletionWorkflow deletion = deletionPastItsGracePeriod(user, List.of("messaging", "profile"));
        RequestSnapshot failed = rig.await(
                deletion,
                v -> statusOf(v, "messaging") == ProductTaskStatus.FAILED
                        && statusOf(v, "profile") == ProductTaskStatus.DONE);
        long left = rig.items(user, "messaging");
        assertThat(left)
                .as("part erased before the connection dropped")
                .isPositive()
                .isLessThan(messagingBefore);
        assertThat(failed.status()).isEqualTo(RequestStatus.IN_PROGRESS);

        deletion.retryProduct(new ProductAction("ops2", "messaging", "connection restored"));
        RequestSnapshot done = rig.finish(deletion);
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        return done;
    }

    @Test
    void anEraseThatFailsPermanentlyMidWayIsFinishedByAnOperatorRetry() {
        String user = "u-0103";
        long before = items(user, List.of("messaging")).get("messaging");
        RequestSnapshot done = eraseCutOffForGoodThenRetried(user, before);
        assertThat(rig.items(user, "messaging")).isZero();
        assertThat(logged(user, "messaging"))
                .as("the product's own log: every item erased once")
                .isEqualTo(before);
        assertThat(eraseRuns(user, "messaging"))
                .as("the failed run and the operator's")
                .isEqualTo(2);
        assertThat(certified(done).get("messaging").verified()).isTrue();
    }

    /**
     * Found by these tests: the certificate counted only what the erase call that succeeded
     * reported, so items deleted by a call that failed for good (and was then retried by an
     * operator) were missing from it, although the product's own log had them. The failed call
     * now reports them in its failure; the operator's call counts only its own.
     */
    @Test
    void theCertificateCountsWhatAnEraseThatLaterFailedHadAlreadyErased() {
        String user = "u-0106";
        long before = items(user, List.of("messaging")).get("messaging");
        RequestSnapshot done = eraseCutOffForGoodThenRetried(user, before);
        ProductEvidence messaging = certified(done).get("messaging");
        assertThat(messaging.itemsErased()).isEqualTo(before).isEqualTo(logged(user, "messaging"));
        assertThat(messaging.eraseRuns())
                .as("the failed call and the operator's")
                .isEqualTo(2)
                .isEqualTo(eraseRuns(user, "messaging"));
    }

    @Test
    void aLateWriteFoundByVerificationIsErasedAgainUntilNothingIsLeft() {
        String user = "u-0104";
        List<String> products = List.of("profile", "content");
        Map<String, Long> before = items(user, products);
        rig.faults("profile").lateWrites(subjectKey(user), 1, 2);

        RequestSnapshot done = rig.finish(deletionPastItsGracePeriod(user, products));
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(rig.items(user, "profile")).as("the late rows are gone too").isZero();
        assertThat(eraseRuns(user, "profile"))
                .as("erased again after the residue")
                .isEqualTo(2);
        assertThat(logged(user, "profile")).isEqualTo(before.get("profile") + 2);
        ProductEvidence profile = certified(done).get("profile");
        assertThat(profile.verified()).isTrue();
        assertThat(profile.residual()).isZero();
        assertThat(profile.eraseRuns()).isEqualTo(2);
        assertThat(profile.itemsErased()).isEqualTo(before.get("profile") + 2);
        assertThat(eraseRuns(user, "content")).isEqualTo(1);
        assertThat(rig.ledger.events(done.id())).extracting(StoredEvent::kind).contains("VERIFICATION_RESIDUE");
    }

    @Test
    void aResidueThatOutlivesTheBoundedReErasesFailsForAnOperator() {
        String user = "u-0105";
        List<String> products = List.of("profile", "content");
        items(user, products);
        rig.faults("content").lateWrites(subjectKey(user), Integer.MAX_VALUE, 1);

        DeletionWorkflow deletion = deletionPastItsGracePeriod(user, products);
        RequestSnapshot failed = rig.await(
                deletion,
                v -> statusOf(v, "content") == ProductTaskStatus.FAILED
                        && statusOf(v, "profile") == ProductTaskStatus.DONE);
        assertThat(detailOf(failed, "content")).contains("residue");
        assertThat(failed.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        long runs = eraseRuns(user, "content");
        assertThat(runs).as("re-erased, a bounded number of times").isBetween(2L, 5L);
        rig.env.sleep(Duration.ofDays(2));
        assertThat(eraseRuns(user, "content"))
                .as("no erase runs while the task waits for an operator")
                .isEqualTo(runs);
        assertThat(rig.items(user, "content")).as("the residue is still there").isEqualTo(1);
        assertThat(rig.items(user, "profile")).isZero();

        rig.faults("content").heal(subjectKey(user));
        deletion.retryProduct(new ProductAction("ops2", "content", "replica caught up and was fixed"));
        RequestSnapshot done = rig.finish(deletion);
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(statusOf(done, "content")).isEqualTo(ProductTaskStatus.DONE);
        assertThat(rig.items(user, "content")).isZero();
        assertThat(certified(done).get("content").verified()).isTrue();
        assertThat(rig.ledger.events(done.id()))
                .extracting(StoredEvent::kind)
                .contains("VERIFICATION_RESIDUE", "PRODUCT_RETRY");
    }
}
