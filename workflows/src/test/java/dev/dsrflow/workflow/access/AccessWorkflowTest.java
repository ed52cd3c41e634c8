package dev.dsrflow.workflow.access;

import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static dev.dsrflow.catalogue.InformationCategory.MESSAGES;
import static dev.dsrflow.catalogue.InformationCategory.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.testing.TestRig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessWorkflowTest {
    private final TestRig rig = new TestRig(
            List.of(TestRig.product("profile", true, PROFILE), TestRig.product("content", true, CONTENT, MESSAGES)));

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void theReportJoinsEachProductsInventoryWithThePolicysDataMap() throws Exception {
        rig.product("profile").seed("sk-a", 2);
        rig.product("content").seed("sk-a", 3);
        var spec = rig.spec(RequestType.ACCESS, Jurisdiction.GDPR, "sk-a", List.of("profile", "content"));
        AccessWorkflow wf = rig.start(AccessWorkflow.class, spec);
        rig.finish(wf);

        RequestSnapshot view = wf.view();
        assertThat(view.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(view.products()).extracting(p -> p.status()).containsOnly(ProductTaskStatus.DONE);
        assertThat(view.reportBlob()).isEqualTo("reports/" + spec.id() + ".json");
        String json;
        try (InputStream in = rig.blobs.open(view.reportBlob())) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json)
                .contains("\"totalItems\" : 8")
                .contains("Messages you send and receive")
                .contains("Third parties in response to legal requests");
        assertThat(rig.blobs.exists("reports/" + spec.id() + ".html")).isTrue();
        assertThat(rig.ledger.events(spec.id()))
                .extracting(StoredEvent::kind)
                .startsWith("FILED", "STARTED")
                .contains("PRODUCT_RUNNING", "PRODUCT_DONE")
                .endsWith("COMPLETED");
    }

    @Test
    void cancellingWhileAProductWaitsForAnOperatorEndsTheRequest() {
        rig.product("content").failPermanently("locate");
        var spec = rig.spec(RequestType.ACCESS, Jurisdiction.CCPA, "sk-b", List.of("profile", "content"));
        AccessWorkflow wf = rig.start(AccessWorkflow.class, spec);
        rig.await(wf, v -> v.products().get(1).status() == ProductTaskStatus.FAILED);
        RequestSnapshot cancelled = wf.cancel(new OperatorAction("ops2", "subject withdrew"));
        assertThat(cancelled.status()).isEqualTo(RequestStatus.CANCELLED);
        rig.finish(wf);
        assertThat(wf.view().status()).isEqualTo(RequestStatus.CANCELLED);
    }
}
