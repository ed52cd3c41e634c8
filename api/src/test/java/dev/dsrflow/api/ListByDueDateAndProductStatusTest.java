package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lists that read the ledger's due-date windows ({@code dueBefore}, {@code overdue}) and a
 * product's copy of its requests' statuses answer exactly what a scan of every request would,
 * in both receipt orders and across pages, and follow a request whose status changes.
 */
@MicronautTest
class ListByDueDateAndProductStatusTest extends ApiTestSupport {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final SubjectIdentifiers SUBJECT = new SubjectIdentifiers("u-windows", null, null);
    private static final List<String> PRODUCTS = List.of("content", "messaging", "profile");
    private static final List<RequestStatus> STATUSES = List.of(
            RequestStatus.IN_PROGRESS,
            RequestStatus.AWAITING_APPROVAL,
            RequestStatus.WAITING_ON_HOLD,
            RequestStatus.COMPLETED,
            RequestStatus.COMPLETED,
            RequestStatus.CANCELLED,
            RequestStatus.FAILED);

    private final List<Filed> filed = new ArrayList<>();
    private LedgerFixtures fixtures;

    private record Filed(String id, LedgerFixtures.Row row, RequestStatus status) {
        boolean overdue() {
            return row.dueAt() != null && row.dueAt().isBefore(NOW) && !status.isFinal();
        }

        boolean involves(String product) {
            return row.products().contains(product);
        }
    }

    @Override
    protected List<String> identifiersNeverLogged() {
        return List.of("u-windows");
    }

    /**
     * Sixty requests over 400 days, each due after the window its jurisdiction gives it: a calendar
     * month (28 to 31 days), 45 days, their extensions (three months, 90 days), or none at all.
     */
    @BeforeAll
    void requests() {
        fixtures = fixtures();
        Random random = new Random(18);
        for (int i = 0; i < 60; i++) {
            Instant received = NOW.minus(Duration.ofMinutes(i * 9_600L + random.nextInt(600)));
            RequestType type = RequestType.values()[random.nextInt(RequestType.values().length)];
            Jurisdiction jurisdiction = random.nextBoolean() ? Jurisdiction.GDPR : Jurisdiction.CCPA;
            boolean extended = random.nextInt(4) == 0;
            Instant due = type == RequestType.PRESERVATION ? null : due(received, jurisdiction, extended);
            if (due != null && Duration.between(due, NOW).abs().toHours() < 2) {
                continue; // nothing may cross the line while the test runs
            }
            RequestStatus status = type == RequestType.PRESERVATION
                    ? (random.nextBoolean() ? RequestStatus.ACTIVE : RequestStatus.RELEASED)
                    : STATUSES.get(random.nextInt(STATUSES.size()));
            List<String> products =
                    PRODUCTS.stream().filter(p -> random.nextInt(3) > 0).toList();
            LedgerFixtures.Row row = new LedgerFixtures.Row(
                    type,
                    status,
                    jurisdiction,
                    SUBJECT,
                    received,
                    due,
                    products.isEmpty() ? List.of("content") : products,
                    null,
                    "ops");
            filed.add(new Filed(fixtures.insert(row), row, status));
        }
    }

    private static Instant due(Instant received, Jurisdiction jurisdiction, boolean extended) {
        if (jurisdiction == Jurisdiction.GDPR) {
            return received.atZone(ZoneOffset.UTC).plusMonths(extended ? 3 : 1).toInstant();
        }
        return received.plus(Duration.ofDays(extended ? 90 : 45));
    }

    @Test
    void overdueAndDueBeforeListExactlyTheRequestsDueBeforeTheDateInBothReceiptOrders() {
        Instant weekAhead = NOW.plus(Duration.ofDays(7));
        Instant monthsAgo = NOW.minus(Duration.ofDays(100));
        assertLists("overdue=true", Filed::overdue);
        assertLists("dueBefore=" + weekAhead, f -> due(f, weekAhead));
        assertLists("dueBefore=" + monthsAgo, f -> due(f, monthsAgo));
        assertLists("overdue=true&dueBefore=" + monthsAgo, f -> f.overdue() && due(f, monthsAgo));
        assertLists("overdue=false&dueBefore=" + weekAhead, f -> !f.overdue() && due(f, weekAhead));
        assertLists("overdue=true&type=DELETION", f -> f.overdue() && f.row().type() == RequestType.DELETION);
    }

    @Test
    void aProductWithRequestStatusesListsTheRequestsInThoseStatusesThatInvolveIt() {
        assertLists(
                "product=messaging&status=IN_PROGRESS",
                f -> f.involves("messaging") && f.status() == RequestStatus.IN_PROGRESS);
        assertLists(
                "product=profile&status=COMPLETED,FAILED",
                f -> f.involves("profile")
                        && (f.status() == RequestStatus.COMPLETED || f.status() == RequestStatus.FAILED));
        assertLists("product=content", f -> f.involves("content"));
    }

    @Test
    void aRequestWhoseStatusChangesMovesBetweenItsProductsStatusLists() {
        Filed moved = filed.stream()
                .filter(f -> f.status() == RequestStatus.AWAITING_APPROVAL && f.involves("content"))
                .findFirst()
                .orElseThrow();
        assertThat(listedIds("?product=content&status=AWAITING_APPROVAL&size=100", "ops"))
                .contains(moved.id());

        fixtures.recordStatus(moved.id(), 2, moved.row(), RequestStatus.CANCELLED);

        assertThat(listedIds("?product=content&status=AWAITING_APPROVAL&size=100", "ops"))
                .doesNotContain(moved.id());
        assertThat(listedIds("?product=content&status=CANCELLED&size=100", "ops"))
                .contains(moved.id());
        assertThat(listedIds("?overdue=true&size=100", "ops")).doesNotContain(moved.id());
        filed.set(filed.indexOf(moved), new Filed(moved.id(), moved.row(), RequestStatus.CANCELLED));
    }

    private static boolean due(Filed f, Instant before) {
        return f.row().dueAt() != null && f.row().dueAt().isBefore(before);
    }

    /** Every page of the query, newest first and oldest first, against a scan of what was filed. */
    private void assertLists(String query, Predicate<Filed> matches) {
        Comparator<Filed> newestFirst =
                Comparator.comparing((Filed f) -> f.row().receivedAt()).reversed();
        List<String> expected = filed.stream()
                .filter(matches)
                .sorted(newestFirst)
                .map(Filed::id)
                .toList();
        assertThat(expected).as("the fixture gives %s something to find", query).hasSizeGreaterThan(1);
        assertThat(allPages(query + "&sort=-receivedAt")).as(query).containsExactlyElementsOf(expected);
        List<String> oldestFirst = new ArrayList<>(expected);
        Collections.reverse(oldestFirst);
        assertThat(allPages(query + "&sort=receivedAt"))
                .as(query + " oldest first")
                .containsExactlyElementsOf(oldestFirst);
    }

    private List<String> allPages(String query) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer =
                    get("/v1/requests?" + query + "&size=4&page=" + page, "ops").json();
            assertThat(answer.path("totalExact").asBoolean()).as(query).isTrue();
            JsonNode items = answer.path("items");
            if (items.isEmpty()) {
                assertThat(answer.path("total").asInt()).as(query).isEqualTo(ids.size());
                return ids;
            }
            items.forEach(i -> ids.add(i.path("id").asText()));
        }
    }
}
