package dev.dsrflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.download.DownloadWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Measures the history of complete 8-product requests (Temporal warns at 10,240 events). */
class BoundedHistoryTest {
    private static final List<String> EIGHT =
            List.of("profile", "content", "messaging", "connections", "commerce", "ads", "telemetry", "partners");
    private static final TestRig RIG = new TestRig(descriptors());

    private static List<ProductDescriptor> descriptors() {
        InformationCategory[] cats = InformationCategory.values();
        List<ProductDescriptor> out = new ArrayList<>();
        for (int i = 0; i < EIGHT.size(); i++) {
            out.add(TestRig.product(EIGHT.get(i), true, cats[i]));
        }
        return out;
    }

    @AfterAll
    static void close() {
        RIG.close();
    }

    private long events(String requestId) {
        return RIG.client
                .fetchHistory(WorkflowIds.request(requestId))
                .getEvents()
                .size();
    }

    @Test
    void aCompleteEightProductDeletionStaysFarUnderTheHistoryLimits() {
        EIGHT.forEach(p -> RIG.product(p).seed("sk-8d", 5));
        var spec = RIG.spec(RequestType.DELETION, Jurisdiction.GDPR, "sk-8d", EIGHT);
        DeletionWorkflow wf = RIG.start(DeletionWorkflow.class, spec);
        RIG.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        RIG.finish(wf);
        assertThat(wf.view().status()).isEqualTo(RequestStatus.COMPLETED);
        long count = events(spec.id());
        System.out.println("HISTORY deletion of 8 products: " + count + " events");
        // restrict, erase and verify are 9 events per product; registry calls add one marker per batch
        // (ChangeIds.DELETION_CLAIMS): 207 events before, about 145 since, depending on how completions share workflow
        // tasks
        assertThat(count).isLessThan(200);
        assertThat(activityTypes(spec.id()))
                .as("the hold registry is called through local activities")
                .noneMatch(type -> type.startsWith("Holds"));
    }

    @Test
    void anEightProductDeletionWithoutGraceRestrictsNothing() {
        EIGHT.forEach(p -> RIG.product(p).seed("sk-8z", 5));
        var noGrace = new dev.dsrflow.model.RequestPolicy(
                Duration.ZERO, Duration.ofDays(4), Duration.ofDays(30), Duration.ofDays(7), false);
        var spec = RIG.spec(RequestType.DELETION, Jurisdiction.GDPR, "sk-8z", EIGHT, null, noGrace);
        DeletionWorkflow wf = RIG.start(DeletionWorkflow.class, spec);
        RIG.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        RIG.finish(wf);
        assertThat(wf.view().status()).isEqualTo(RequestStatus.COMPLETED);
        long count = events(spec.id());
        System.out.println("HISTORY deletion of 8 products, no grace period: " + count + " events");
        assertThat(activityTypes(spec.id())).doesNotContain("ProductRestrict");
        assertThat(count).isLessThan(150);
    }

    private List<String> activityTypes(String requestId) {
        return RIG.client.fetchHistory(WorkflowIds.request(requestId)).getEvents().stream()
                .filter(e -> e.hasActivityTaskScheduledEventAttributes())
                .map(e -> e.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName())
                .toList();
    }

    @Test
    void aCompleteEightProductDownloadStaysFarUnderTheHistoryLimits() {
        EIGHT.forEach(p -> RIG.product(p).seed("sk-8x", 5));
        var spec = RIG.spec(RequestType.DOWNLOAD, Jurisdiction.GDPR, "sk-8x", EIGHT);
        DownloadWorkflow wf = RIG.start(DownloadWorkflow.class, spec);
        RIG.finish(wf);
        assertThat(wf.view().download().purged()).isTrue();
        long count = events(spec.id());
        System.out.println("HISTORY download of 8 products: " + count + " events");
        assertThat(count).isLessThan(400);
    }
}
