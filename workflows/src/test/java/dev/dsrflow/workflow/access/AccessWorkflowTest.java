package dev.dsrflow.workflow.access;

import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static dev.dsrflow.catalogue.InformationCategory.MESSAGES;
import static dev.dsrflow.catalogue.InformationCategory.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.product.RecordedCatalogue;
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

    /**
     * The catalogue the request recorded at filing decides how each product is called, not the
     * workers running now: content was manual when it was filed (and is automated now), and a
     * product the filing's catalogue did not know needs an operator, whatever runs later.
     */
    @Test
    void aRequestRunsOnTheCatalogueItRecordedAtFilingNotOnWhatRunsNow() {
        rig.product("profile").seed("sk-c", 2);
        rig.product("content").seed("sk-c", 3);
        var live = rig.spec(RequestType.ACCESS, Jurisdiction.GDPR, "sk-c", List.of("profile", "content"));
        var filed = new RequestSpec(
                live.id(),
                live.type(),
                live.subject(),
                live.subjectKey(),
                live.jurisdiction(),
                live.products(),
                live.categories(),
                live.dateRange(),
                live.format(),
                live.legalProcess(),
                live.requestedBy(),
                live.receivedAt(),
                live.note(),
                live.policy(),
                RecordedCatalogue.of(List.of(TestRig.settings(TestRig.product("content", false, CONTENT)))));
        AccessWorkflow wf = rig.start(AccessWorkflow.class, filed);
        RequestSnapshot waiting =
                rig.await(wf, v -> v.products().stream().allMatch(p -> p.status() == ProductTaskStatus.MANUAL));
        assertThat(waiting.products())
                .extracting(p -> p.product() + " " + p.detail())
                .containsExactly(
                        "profile not in the product catalogue recorded at filing: needs an operator",
                        "content no automated LOCATE: needs an operator");
        assertThat(rig.product("content").calls("locate")).isEmpty();
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
