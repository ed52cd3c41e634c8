package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Views, lists, filters, paging, the CSV export and the audit history, all read from the ledger. */
@MicronautTest
class ReadingTest extends ApiTestSupport {
    private static final Instant NOW = Instant.now();
    private static final SubjectIdentifiers GRACE =
            new SubjectIdentifiers("u-grace", "grace@example.com", "+44 20 7946 0001");
    private static final SubjectIdentifiers ALAN = new SubjectIdentifiers("u-alan", "alan@example.com", null);

    private String overdueAccess;
    private String completedDeletion;
    private String ccpaDownload;
    private String otherPreservation;

    @Override
    protected List<String> identifiersNeverLogged() {
        return List.of("grace@example.com", "u-grace", "7946 0001", "alan@example.com", "u-alan");
    }

    @BeforeAll
    void requests() {
        LedgerFixtures fixtures = fixtures();
        overdueAccess = fixtures.insert(new LedgerFixtures.Row(
                RequestType.ACCESS,
                RequestStatus.IN_PROGRESS,
                Jurisdiction.GDPR,
                GRACE,
                NOW.minus(Duration.ofDays(40)),
                NOW.minus(Duration.ofDays(10)),
                List.of("content", "messaging"),
                null,
                "ops"));
        completedDeletion = fixtures.insert(new LedgerFixtures.Row(
                RequestType.DELETION,
                RequestStatus.COMPLETED,
                Jurisdiction.GDPR,
                GRACE,
                NOW.minus(Duration.ofDays(30)),
                NOW.minus(Duration.ofDays(1)),
                List.of("content"),
                null,
                "ops2"));
        ccpaDownload = fixtures.insert(new LedgerFixtures.Row(
                RequestType.DOWNLOAD,
                RequestStatus.IN_PROGRESS,
                Jurisdiction.CCPA,
                ALAN,
                NOW.minus(Duration.ofDays(2)),
                NOW.plus(Duration.ofDays(43)),
                List.of("messaging"),
                null,
                "ops"));
        otherPreservation = fixtures.insert(new LedgerFixtures.Row(
                RequestType.PRESERVATION,
                RequestStatus.ACTIVE,
                Jurisdiction.OTHER,
                ALAN,
                NOW.minus(Duration.ofDays(1)),
                null,
                List.of("legacy"),
                null,
                "legal"));
    }

    private List<String> ids(String query, String user) {
        return listedIds(query, user);
    }

    @Test
    void theViewShowsProductsOverdueAndTheSubjectKeyButNoIdentifier() {
        Answer a = get("/v1/requests/" + overdueAccess, "ops");
        assertThat(a.status()).isEqualTo(200);
        JsonNode view = a.json();
        assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(view.path("overdue").asBoolean()).isTrue();
        assertThat(view.path("subjectKey").asText()).isEqualTo(subjectKey.primary(GRACE));
        assertThat(view.path("products")).hasSize(2);
        assertThat(view.path("products").get(0).path("status").asText()).isEqualTo("DONE");
        assertThat(view.path("products").get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(a.body())
                .doesNotContain("grace@example.com")
                .doesNotContain("u-grace")
                .doesNotContain("7946");
    }

    @Test
    void aFinishedRequestIsNeverOverdue() {
        assertThat(get("/v1/requests/" + completedDeletion, "auditor")
                        .json()
                        .path("overdue")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void anUnknownRequestIs404() {
        get("/v1/requests/no-such-request", "ops").problem(404);
        get("/v1/requests/no-such-request/history", "auditor").problem(404);
        get("/v1/requests/no-such-request/history/temporal", "auditor").problem(404);
    }

    @Test
    void readingNeedsCredentialsAndAReadingRole() {
        get("/v1/requests/" + overdueAccess, null).problem(401);
        get("/v1/requests", null).problem(401);
        get("/v1/requests/" + overdueAccess + "/history", null).problem(401);
        get("/v1/requests/" + overdueAccess + "/history/temporal", null).problem(401);
        get("/v1/requests/" + overdueAccess + "/history", "product").problem(403);
        get("/v1/requests/" + overdueAccess + "/history/temporal", "product").problem(403);
        assertThat(get("/v1/requests/" + overdueAccess, "legal").status()).isEqualTo(200);
        assertThat(get("/v1/requests/" + overdueAccess + "/history", "legal").status())
                .isEqualTo(200);
    }

    @Test
    void theListHasNoProductsAndCountsEverything() {
        Answer a = get("/v1/requests", "auditor");
        JsonNode page = a.json();
        assertThat(page.path("total").asLong()).isEqualTo(4);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(50);
        assertThat(page.path("items").get(0).has("products")).isFalse();
        assertThat(ids("", "auditor"))
                .containsExactly(otherPreservation, ccpaDownload, completedDeletion, overdueAccess);
    }

    @Test
    void listsFilterByTypeStatusJurisdictionAndProduct() {
        assertThat(ids("?type=DELETION", "ops")).containsExactly(completedDeletion);
        assertThat(ids("?type=ACCESS,DOWNLOAD", "ops")).containsExactly(ccpaDownload, overdueAccess);
        assertThat(ids("?status=ACTIVE", "ops")).containsExactly(otherPreservation);
        assertThat(ids("?jurisdiction=CCPA", "ops")).containsExactly(ccpaDownload);
        assertThat(ids("?product=messaging", "ops")).containsExactly(ccpaDownload, overdueAccess);
        assertThat(ids("?product=legacy&type=PRESERVATION", "legal")).containsExactly(otherPreservation);
    }

    @Test
    void listsFilterBySubjectThroughAnyOfItsIdentifiers() {
        assertThat(ids("?subject=grace@example.com", "auditor")).containsExactly(completedDeletion, overdueAccess);
        assertThat(ids("?subject=GRACE@EXAMPLE.COM", "auditor")).containsExactly(completedDeletion, overdueAccess);
        assertThat(ids("?subject=u-alan", "auditor")).containsExactly(otherPreservation, ccpaDownload);
        assertThat(ids("?subject=%2B44%2020%207946%200001", "auditor"))
                .containsExactly(completedDeletion, overdueAccess);
        assertThat(ids("?subject=nobody@example.com", "auditor")).isEmpty();
    }

    @Test
    void listsFilterByDueDateAndOverdue() {
        assertThat(ids("?overdue=true", "ops")).containsExactly(overdueAccess);
        assertThat(ids("?overdue=false", "ops")).containsExactly(otherPreservation, ccpaDownload, completedDeletion);
        assertThat(ids("?dueBefore=" + NOW, "ops")).containsExactly(completedDeletion, overdueAccess);
    }

    @Test
    void listsPage() {
        Answer a = get("/v1/requests?size=3&page=1", "ops");
        assertThat(a.json().path("total").asLong()).isEqualTo(4);
        assertThat(ids("?size=3&page=1", "ops")).containsExactly(overdueAccess);
        assertThat(ids("?size=3&page=0", "ops")).hasSize(3);
        assertThat(ids("?size=200", "ops")).hasSize(4);
    }

    @Test
    void badListParametersAre400NamingTheParameter() {
        for (String[] bad : new String[][] {
            {"type=ERASE", "type"},
            {"status=DONE", "status"},
            {"jurisdiction=EU", "jurisdiction"},
            {"size=201", "size"},
            {"size=0", "size"},
            {"page=-1", "page"},
            {"page=one", "page"},
            {"overdue=maybe", "overdue"},
            {"dueBefore=tomorrow", "dueBefore"},
            {"product=Not%20A%20Product", "product"}
        }) {
            JsonNode p = get("/v1/requests?" + bad[0], "ops").problem(400);
            assertThat(FilingTest.fields(p)).as(bad[0]).containsExactly(bad[1]);
        }
    }

    @Test
    void theCsvExportHasTheSameRowsAsTheList() {
        Answer a = call(HttpRequest.GET("/v1/requests?type=ACCESS,DELETION")
                .accept("text/csv")
                .basicAuth("auditor", "auditor"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("text/csv");
        String[] lines = a.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,type,status,jurisdiction,subjectKey,receivedAt,dueAt,overdue");
        assertThat(lines).hasSize(3);
        assertThat(lines[1])
                .startsWith(completedDeletion + ",DELETION,COMPLETED,GDPR," + subjectKey.primary(GRACE) + ",");
        assertThat(lines[2])
                .startsWith(overdueAccess + ",ACCESS,IN_PROGRESS,GDPR,")
                .contains(",true,false,ops,");
        assertThat(a.body()).doesNotContain("grace@example.com");
    }

    @Test
    void theHistoryListsEveryEventWithItsHashesAndVerifies() {
        JsonNode history =
                get("/v1/requests/" + ccpaDownload + "/history", "auditor").json();
        assertThat(history.path("verified").asBoolean()).isTrue();
        JsonNode events = history.path("events");
        assertThat(events).hasSize(3);
        assertThat(events.get(0).path("kind").asText()).isEqualTo("FILED");
        assertThat(events.get(0).path("actor").asText()).isEqualTo("ops");
        assertThat(events.get(0).path("seq").asLong()).isEqualTo(1);
        assertThat(events.get(1).path("prevHash").asText())
                .isEqualTo(events.get(0).path("hash").asText());
        assertThat(events.get(2).path("product").asText()).isEqualTo("messaging");
        assertThat(events.get(0).has("product")).isTrue();
    }

    @Test
    void tamperingWithOneLedgerEventMakesTheHistoryUnverified() {
        execute("alter table ledger.request_events disable trigger request_events_no_update");
        try {
            execute("update ledger.request_events set actor = 'mallory' where request_id = '" + otherPreservation
                    + "' and seq = 2");
        } finally {
            execute("alter table ledger.request_events enable trigger request_events_no_update");
        }
        JsonNode history =
                get("/v1/requests/" + otherPreservation + "/history", "auditor").json();
        assertThat(history.path("verified").asBoolean()).isFalse();
        assertThat(get("/v1/requests/" + ccpaDownload + "/history", "auditor")
                        .json()
                        .path("verified")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theLedgerRefusesToRewriteEventsWhileItsTriggerStands() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> execute("update ledger.request_events set actor = 'x'"))
                .hasMessageContaining("append-only");
    }

    @Test
    void aRequestTemporalNoLongerRetainsAnswers404ForItsTemporalHistory() {
        get("/v1/requests/" + overdueAccess + "/history/temporal", "auditor").problem(404);
    }

    @Test
    void aSearchWithTheSubjectInTheBodyFindsTheSameRequests() {
        Answer a = post(
                "/v1/requests/search",
                "{\"subject\": \"grace@example.com\", \"type\": \"ACCESS\", \"size\": 10}",
                "auditor");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        a.json().path("items").forEach(i -> found.add(i.path("id").asText()));
        assertThat(found).containsExactly(overdueAccess);
        assertThat(FilingTest.fields(post("/v1/requests/search", "{\"size\": 500}", "auditor")
                        .problem(400)))
                .containsExactly("size");
        assertThat(FilingTest.fields(post("/v1/requests/search", "{\"email\": \"x\"}", "auditor")
                        .problem(400)))
                .containsExactly("email");
        post("/v1/requests/search", "{\"product\": \"content\"}", "product").problem(403);
    }

    @Test
    void aProductTeamReadsOnlyRequestsInvolvingItsProductsWithoutLinks() {
        assertThat(ids("", "product")).containsExactly(ccpaDownload, overdueAccess);
        assertThat(ids("?product=messaging", "product")).containsExactly(ccpaDownload, overdueAccess);
        get("/v1/requests?product=content", "product").problem(403);
        get("/v1/requests/" + completedDeletion, "product").problem(403);
        JsonNode view = get("/v1/requests/" + overdueAccess, "product").json();
        assertThat(view.path("products")).hasSize(1);
        assertThat(view.path("products").get(0).path("product").asText()).isEqualTo("messaging");
        assertThat(view.path("download").isNull()).isTrue();
    }
}
