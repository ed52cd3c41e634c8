package dev.dsrflow.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The overview: counts from the API's list, drawn as SVG bars (no chart library, no script). */
@Controller("/console/overview")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class OverviewController {
    private static final List<String> OPEN =
            List.of("RECEIVED", "AWAITING_APPROVAL", "GRACE_PERIOD", "IN_PROGRESS", "WAITING_ON_HOLD", "ACTIVE");
    private static final List<String> TYPES = List.of("ACCESS", "DOWNLOAD", "DELETION", "PRESERVATION");

    private final ConsoleGuard guard;
    private final Api api;

    OverviewController(ConsoleGuard guard, Api api) {
        this.guard = guard;
        this.api = api;
    }

    @Get
    HttpResponse<?> overview(HttpRequest<?> request) {
        ConsoleSession session = guard.session(request);
        Instant now = Instant.now();
        OverviewPage page;
        try {
            List<Long> byStatus = new ArrayList<>();
            for (String status : OPEN) {
                byStatus.add(total(session, Map.of("status", status)));
            }
            List<Long> byType = new ArrayList<>();
            for (String type : TYPES) {
                byType.add(total(session, Map.of("type", type, "status", String.join(",", OPEN))));
            }
            long dueThisWeek = total(
                    session,
                    Map.of(
                            "status",
                            String.join(",", OPEN),
                            "dueBefore",
                            now.plus(Duration.ofDays(7)).toString()));
            long overdue = total(session, Map.of("overdue", "true"));
            List<Double> days = new ArrayList<>();
            JsonNode completed = api.get(session, "/v1/requests", Map.of("status", "COMPLETED", "size", "200"));
            Instant since = now.minus(Duration.ofDays(30));
            for (JsonNode item : completed.path("items")) {
                Instant done = RequestSummary.instant(item, "completedAt");
                Instant received = RequestSummary.instant(item, "receivedAt");
                if (done != null && received != null && done.isAfter(since)) {
                    days.add(Duration.between(received, done).toSeconds() / 86_400.0);
                }
            }
            page = new OverviewPage(
                    OverviewPage.bars(OPEN, byStatus),
                    OverviewPage.bars(TYPES, byType),
                    dueThisWeek,
                    overdue,
                    days.size(),
                    median(days),
                    null);
        } catch (ApiRefusal refusal) {
            page = new OverviewPage(List.of(), List.of(), 0, 0, 0, "—", refusal.describe());
        }
        Frame frame = guard.frame(session, "Overview", "overview");
        return Pages.html(new ModelAndView<>("console/overview", Map.of("frame", frame, "page", page)));
    }

    private long total(ConsoleSession session, Map<String, String> filter) {
        Map<String, String> query = new java.util.HashMap<>(filter);
        query.put("size", "1");
        return api.get(session, "/v1/requests", query).path("total").asLong();
    }

    private static String median(List<Double> values) {
        if (values.isEmpty()) {
            return "—";
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format(Locale.ROOT, "%.1f", median);
    }
}
