package dev.dsrflow.workflow.holds;

import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static dev.dsrflow.catalogue.InformationCategory.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bound behind "no erase ever runs on a product while a hold covers it" when a product's
 * worker is away for longer than an erase claim's lease ({@link ClaimLease}): every erase and
 * verify call of a deletion is scheduled with a schedule-to-close timeout inside the lease, so
 * the server fails a call still waiting in the queue of an absent worker before the lease ends
 * (the product becomes FAILED, its claim is released) and no worker can start it afterwards.
 *
 * <p>The Java test server cannot play the absent worker itself: it stops skipping time while an
 * activity task waits to be polled (it locks time skipping when it schedules an activity task
 * until the task starts), so a time-skipping test of a queue nobody polls never reaches the
 * timeout. The timeouts are checked in the recorded history instead.
 */
class ClaimLeaseTest {
    private static final String SUBJECT = "sk-lease";
    private static final Instant T0 = TestRig.T0;

    /** Archive automates no restriction, so nothing of it runs before erasure. */
    private final ProductDescriptor archive = new ProductDescriptor(
            "archive",
            "The archive product",
            Set.of(CONTENT),
            EnumSet.of(Capability.LOCATE, Capability.ERASE, Capability.VERIFY, Capability.PRESERVE, Capability.RELEASE),
            true,
            "archive-handler/1.0");

    private final TestRig rig = new TestRig(List.of(archive, TestRig.product("profile", true, PROFILE)));

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void everyEraseAndVerifyCallOfADeletionMustEndWithinItsClaimLease() {
        rig.product("archive").seed(SUBJECT, 3);
        rig.product("profile").seed(SUBJECT, 2);
        DeletionWorkflow deletion = rig.start(
                DeletionWorkflow.class,
                rig.spec(RequestType.DELETION, Jurisdiction.GDPR, SUBJECT, List.of("archive", "profile")));
        rig.await(deletion, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        deletion.approve(new OperatorAction("ops2", null));
        rig.await(deletion, v -> v.status() == RequestStatus.GRACE_PERIOD);
        rig.finish(deletion);

        List<ActivityTaskScheduledEventAttributes> calls =
                rig.client.fetchHistory(WorkflowIds.request(deletion.view().id())).getHistory().getEventsList().stream()
                        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
                        .filter(a -> Set.of("ProductErase", "ProductVerifyErased")
                                .contains(a.getActivityType().getName()))
                        .toList();
        assertThat(calls)
                .as("two products, one erase and one verification each")
                .hasSize(4);
        assertThat(calls).allSatisfy(a -> {
            Duration timeout = Duration.ofSeconds(
                    a.getScheduleToCloseTimeout().getSeconds(),
                    a.getScheduleToCloseTimeout().getNanos());
            assertThat(timeout)
                    .as("schedule-to-close of %s", a.getActivityType().getName())
                    .isPositive()
                    .isLessThanOrEqualTo(ClaimLease.CALL_LIMIT)
                    .isLessThan(ClaimLease.LEASE.minus(ClaimLease.MARGIN));
        });
        assertThat(rig.product("archive").liveRows(SUBJECT)).isZero();
    }

    @Test
    void aCallNeverOutlastsTheLeaseCountedFromWhenTheClaimWasAskedFor() {
        assertThat(ClaimLease.callTimeout(T0, T0)).hasValue(ClaimLease.CALL_LIMIT);
        Instant late = T0.plus(ClaimLease.LEASE).minus(ClaimLease.MARGIN).minus(Duration.ofHours(2));
        assertThat(ClaimLease.callTimeout(T0, late)).hasValue(Duration.ofHours(2));
        assertThat(ClaimLease.callTimeout(
                        T0,
                        late.plus(Duration.ofHours(2))
                                .minus(ClaimLease.MIN_CALL)
                                .plusSeconds(1)))
                .isEmpty();
        assertThat(ClaimLease.callTimeout(T0, T0.plus(Duration.ofDays(2)))).isEmpty();
        assertThat(HoldRegistryWorkflowImpl.CLAIM_LEASE).isEqualTo(ClaimLease.LEASE);
        assertThat(ClaimLease.CALL_LIMIT.multipliedBy(ClaimLease.CALLS_PER_LEASE))
                .isLessThanOrEqualTo(ClaimLease.LEASE.minus(ClaimLease.MARGIN));
    }
}
