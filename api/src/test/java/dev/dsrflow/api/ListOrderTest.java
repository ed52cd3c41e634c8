package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A list sorted by due date, received date, status or type, with each request's products done out of total. */
@MicronautTest
class ListOrderTest extends ApiTestSupport {
    private static final Instant NOW = Instant.now();
    private static final SubjectIdentifiers SUBJECT = new SubjectIdentifiers("u-sort", null, null);

    private String dueSoonDeletion;
    private String dueLaterAccess;
    private String overdueDownload;
    private String undatedPreservation;

    @Override
    protected List<String> identifiersNeverLogged() {
        return List.of("u-sort");
    }

    @BeforeAll
    void requests() {
        LedgerFixtures fixtures = fixtures();
        dueSoonDeletion = fixtures.insert(
                row(RequestType.DELETION, RequestStatus.IN_PROGRESS, 20, 3, List.of("content", "messaging", "profile")),
                Map.of("messaging", ProductTaskStatus.RUNNING, "profile", ProductTaskStatus.SKIPPED));
        dueLaterAccess = fixtures.insert(
                row(RequestType.ACCESS, RequestStatus.AWAITING_APPROVAL, 5, 25, List.of("content")),
                Map.of("content", ProductTaskStatus.PENDING));
        overdueDownload = fixtures.insert(
                row(RequestType.DOWNLOAD, RequestStatus.IN_PROGRESS, 40, -2, List.of("content", "messaging")));
        undatedPreservation = fixtures.insert(
                row(RequestType.PRESERVATION, RequestStatus.ACTIVE, 1, null, List.of("legacy")),
                Map.of("legacy", ProductTaskStatus.FAILED));
    }

    private static LedgerFixtures.Row row(
            RequestType type, RequestStatus status, int daysAgo, Integer dueInDays, List<String> products) {
        return new LedgerFixtures.Row(
                type,
                status,
                Jurisdiction.GDPR,
                SUBJECT,
                NOW.minus(Duration.ofDays(daysAgo)),
                dueInDays == null ? null : NOW.plus(Duration.ofDays(dueInDays)),
                products,
                null,
                "ops");
    }

    private List<String> ids(String query) {
        return listedIds(query, "ops");
    }

    @Test
    void theListSortsByDueDateEitherWayWithTheUndatedLast() {
        assertThat(ids("?sort=dueAt"))
                .containsExactly(overdueDownload, dueSoonDeletion, dueLaterAccess, undatedPreservation);
        assertThat(ids("?sort=-dueAt"))
                .containsExactly(undatedPreservation, dueLaterAccess, dueSoonDeletion, overdueDownload);
        assertThat(ids("?sort=dueAt&type=ACCESS,DELETION")).containsExactly(dueSoonDeletion, dueLaterAccess);
        assertThat(ids("?sort=dueAt&size=2&page=1")).containsExactly(dueLaterAccess, undatedPreservation);
    }

    @Test
    void theListSortsByReceivedDateStatusAndType() {
        assertThat(ids("")).containsExactly(undatedPreservation, dueLaterAccess, dueSoonDeletion, overdueDownload);
        assertThat(ids("?sort=-receivedAt"))
                .containsExactly(undatedPreservation, dueLaterAccess, dueSoonDeletion, overdueDownload);
        assertThat(ids("?sort=receivedAt"))
                .containsExactly(overdueDownload, dueSoonDeletion, dueLaterAccess, undatedPreservation);
        // ACTIVE, AWAITING_APPROVAL, then IN_PROGRESS newest first
        assertThat(ids("?sort=status"))
                .containsExactly(undatedPreservation, dueLaterAccess, dueSoonDeletion, overdueDownload);
        assertThat(ids("?sort=type"))
                .containsExactly(dueLaterAccess, dueSoonDeletion, overdueDownload, undatedPreservation);
    }

    @Test
    void eachListedRequestCarriesItsProductsDoneOutOfTotal() {
        Map<String, String> progress = new java.util.HashMap<>();
        for (JsonNode item : get("/v1/requests", "ops").json().path("items")) {
            progress.put(
                    item.path("id").asText(),
                    item.path("productsDone").asInt() + "/"
                            + item.path("productsTotal").asInt());
            assertThat(item.has("products")).isFalse();
        }
        assertThat(progress)
                .containsEntry(dueSoonDeletion, "2/3")
                .containsEntry(dueLaterAccess, "0/1")
                .containsEntry(overdueDownload, "2/2")
                .containsEntry(undatedPreservation, "0/1");
    }

    @Test
    void anUnknownSortIs400NamingSort() {
        for (String bad : List.of("due", "-status", "subjectKey", "dueAt,type")) {
            JsonNode problem = get("/v1/requests?sort=" + bad, "ops").problem(400);
            assertThat(FilingTest.fields(problem)).as(bad).containsExactly("sort");
            assertThat(problem.toString()).contains("dueAt, -dueAt");
        }
    }
}
