package dev.dsrflow.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A request's audit timeline from {@code GET /v1/requests/{id}/history}, with the API's verification. */
final class History {
    private History() {}

    static RequestPage.Timeline of(Api api, ConsoleSession session, String id) {
        try {
            JsonNode history = api.get(session, "/v1/requests/" + id + "/history", Map.of());
            List<RequestPage.Event> events = new ArrayList<>();
            for (JsonNode e : history.path("events")) {
                events.add(new RequestPage.Event(
                        e.path("seq").asLong(),
                        RequestSummary.minute(RequestSummary.instant(e, "at")),
                        RequestSummary.text(e, "actor"),
                        RequestSummary.text(e, "kind"),
                        RequestSummary.text(e, "product"),
                        RequestSummary.text(e, "detail"),
                        RequestSummary.text(e, "hash")));
            }
            JsonNode head = history.path("head");
            return new RequestPage.Timeline(
                    events,
                    history.path("verified").asBoolean(false),
                    head.hasNonNull("seq") ? head.path("seq").asLong() : null,
                    head.hasNonNull("jws"),
                    null);
        } catch (ApiRefusal refusal) {
            return new RequestPage.Timeline(List.of(), false, null, false, refusal.describe());
        }
    }
}
