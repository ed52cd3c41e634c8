package dev.dsrflow.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.model.RequestStatus;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue (privacy-ops' landing page): requests with their deadlines and progress, filters,
 * counts per status, pages, the CSV export of what is filtered, and a subject lookup that sends
 * the typed identifier to the API in a body ({@code POST /v1/requests/search}), never in a URL.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class QueueController {
    static final int PAGE_SIZE = 25;

    private final ConsoleGuard guard;
    private final Api api;
    private final Duration warningLead;

    QueueController(ConsoleGuard guard, Api api, @Value("${dsrflow.deadlines.warning-lead:7d}") Duration warningLead) {
        this.guard = guard;
        this.api = api;
        this.warningLead = warningLead;
    }

    @Get("/queue")
    HttpResponse<?> queue(
            HttpRequest<?> request,
            @QueryValue @Nullable String type,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String jurisdiction,
            @QueryValue @Nullable String product,
            @QueryValue @Nullable String overdue,
            @QueryValue @Nullable String within,
            @QueryValue @Nullable String sort,
            @QueryValue @Nullable String page) {
        ConsoleSession session = guard.session(request);
        Integer withinDays = withinDays(within);
        String error = blank(within) != null && withinDays == null
                ? "Due within: enter a number of days from 0 to 3650."
                : null;
        QueueFilter filter = new QueueFilter(
                blank(type),
                blank(status),
                blank(jurisdiction),
                blank(product),
                "true".equals(overdue),
                withinDays,
                blank(sort));
        int pageNumber = page == null ? 0 : Math.max(0, parse(page));
        Instant now = Instant.now();
        Map<String, String> query = new HashMap<>(filter.apiQuery(now, true));
        query.put("page", Integer.toString(pageNumber));
        query.put("size", Integer.toString(PAGE_SIZE));
        JsonNode list;
        try {
            list = api.get(session, "/v1/requests", query);
        } catch (ApiRefusal refusal) {
            list = null;
            error = refusal.describe();
        }
        return page(session, filter, list, pageNumber, false, error, now);
    }

    @Post(value = "/queue/subject", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> subject(HttpRequest<?> request, @Nullable String identifier, @Nullable String csrf) {
        ConsoleSession session = guard.post(request, csrf);
        QueueFilter filter = QueueFilter.NONE;
        Instant now = Instant.now();
        if (identifier == null || identifier.isBlank()) {
            return page(session, filter, null, 0, true, "Type a user id, e-mail or phone number to look up.", now);
        }
        var body = api.object().put("subject", identifier).put("size", 200);
        try {
            return page(session, filter, api.post(session, "/v1/requests/search", body), 0, true, null, now);
        } catch (ApiRefusal refusal) {
            return page(session, filter, null, 0, true, refusal.describe(), now);
        }
    }

    @Get("/queue.csv")
    HttpResponse<?> csv(
            HttpRequest<?> request,
            @QueryValue @Nullable String type,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String jurisdiction,
            @QueryValue @Nullable String product,
            @QueryValue @Nullable String overdue,
            @QueryValue @Nullable String within) {
        ConsoleSession session = guard.session(request);
        QueueFilter filter = new QueueFilter(
                blank(type),
                blank(status),
                blank(jurisdiction),
                blank(product),
                "true".equals(overdue),
                withinDays(within),
                null);
        // no page or size: the API streams every row the filter matches, and so does this
        java.net.http.HttpResponse<java.io.InputStream> csv =
                api.stream(session, "/v1/requests", filter.apiQuery(Instant.now(), true), "text/csv");
        String contentType = csv.headers().firstValue("Content-Type").orElse("text/csv");
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(csv.statusCode()))
                .header("Content-Disposition", "attachment; filename=\"requests.csv\"")
                .header("Cache-Control", "no-store")
                .body(new io.micronaut.http.server.types.files.StreamedFile(csv.body(), MediaType.of(contentType)));
    }

    /** The "due within" days, or null when blank or not a number of days from 0 to 3650. */
    private static Integer withinDays(String within) {
        if (blank(within) == null) {
            return null;
        }
        try {
            int days = Integer.parseInt(within.trim());
            return days < 0 || days > 3650 ? null : days;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private HttpResponse<?> page(
            ConsoleSession session,
            QueueFilter filter,
            JsonNode list,
            int pageNumber,
            boolean subjectLookup,
            String error,
            Instant now) {
        List<QueuePage.Row> rows = new ArrayList<>();
        long total = 0;
        if (list != null) {
            total = list.path("total").asLong();
            for (JsonNode item : list.path("items")) {
                RequestSummary request = RequestSummary.of(item, now, warningLead);
                rows.add(new QueuePage.Row(
                        request,
                        item.path("productsDone").asInt(),
                        item.path("productsTotal").asInt(),
                        "AWAITING_APPROVAL".equals(request.status())));
            }
        }
        List<QueuePage.StatusCount> counts = subjectLookup ? List.of() : counts(session, filter, now);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        QueuePage model = new QueuePage(
                filter,
                rows,
                counts,
                total,
                pageNumber,
                pages,
                productIds(session),
                filter.href("/console/queue.csv", filter.status(), 0),
                subjectLookup,
                error);
        Frame frame = guard.frame(session, subjectLookup ? "Requests of the subject you looked up" : "Queue", "queue");
        return Pages.html(new ModelAndView<>("console/queue", Map.of("frame", frame, "page", model)));
    }

    private List<QueuePage.StatusCount> counts(ConsoleSession session, QueueFilter filter, Instant now) {
        List<QueuePage.StatusCount> counts = new ArrayList<>();
        for (RequestStatus status : RequestStatus.values()) {
            Map<String, String> query = new HashMap<>(filter.apiQuery(now, false));
            query.put("status", status.name());
            query.put("size", "1");
            try {
                long count =
                        api.get(session, "/v1/requests", query).path("total").asLong();
                if (count > 0 || status.name().equals(filter.status())) {
                    counts.add(new QueuePage.StatusCount(
                            status.name(),
                            count,
                            filter.href("/console/queue", status.name(), 0),
                            status.name().equals(filter.status())));
                }
            } catch (ApiRefusal refusal) {
                return List.of();
            }
        }
        return counts;
    }

    private List<String> productIds(ConsoleSession session) {
        List<String> ids = new ArrayList<>();
        try {
            api.get(session, "/v1/products", Map.of())
                    .forEach(p -> ids.add(p.path("id").asText()));
        } catch (ApiRefusal refusal) {
            // the product filter offers nothing then
        }
        return ids;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
