package dev.dsrflow.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
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
import java.util.Map;

/** The holds page: preservations in force and what waits on them; renew and release are on each request's page. */
@Controller("/console/holds")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class HoldsController {
    private final ConsoleGuard guard;
    private final Api api;
    private final Duration warningLead;

    HoldsController(ConsoleGuard guard, Api api, @Value("${dsrflow.deadlines.warning-lead:7d}") Duration warningLead) {
        this.guard = guard;
        this.api = api;
        this.warningLead = warningLead;
    }

    @Get
    HttpResponse<?> holds(HttpRequest<?> request) {
        ConsoleSession session = guard.session(request);
        Instant now = Instant.now();
        HoldsPage page;
        try {
            List<RequestSummary> waiting = list(session, "DELETION", "WAITING_ON_HOLD", now);
            List<HoldsPage.Hold> holds = new ArrayList<>();
            for (RequestSummary hold : list(session, "PRESERVATION", "ACTIVE", now)) {
                JsonNode view = api.get(session, "/v1/requests/" + hold.id(), Map.of());
                List<String> products = new ArrayList<>();
                view.path("products")
                        .forEach(p -> products.add(p.path("product").asText()));
                Instant expires = RequestSummary.instant(view, "holdExpiresAt");
                holds.add(new HoldsPage.Hold(
                        hold,
                        expires != null && expires.isBefore(now.plus(warningLead)),
                        products,
                        waiting.stream()
                                .filter(d ->
                                        d.subjectKey() != null && d.subjectKey().equals(hold.subjectKey()))
                                .toList()));
            }
            page = new HoldsPage(holds, waiting, list(session, "PRESERVATION", "AWAITING_APPROVAL", now), null);
        } catch (ApiRefusal refusal) {
            page = new HoldsPage(List.of(), List.of(), List.of(), refusal.describe());
        }
        Frame frame = guard.frame(session, "Holds", "holds");
        return Pages.html(new ModelAndView<>("console/holds", Map.of("frame", frame, "page", page)));
    }

    private List<RequestSummary> list(ConsoleSession session, String type, String status, Instant now) {
        JsonNode list = api.get(session, "/v1/requests", Map.of("type", type, "status", status, "size", "200"));
        List<RequestSummary> out = new ArrayList<>();
        list.path("items").forEach(item -> out.add(RequestSummary.of(item, now, warningLead)));
        return out;
    }
}
