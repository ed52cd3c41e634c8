package dev.dsrflow.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Approves or rejects the requests selected in the queue, one API call each: every request is
 * checked (role, four eyes, state) and recorded on its own, and the page says which succeeded
 * and why any did not.
 */
@Controller("/console/bulk")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class BulkController {
    static final int MAX = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final ConsoleGuard guard;
    private final Api api;

    BulkController(ConsoleGuard guard, Api api) {
        this.guard = guard;
        this.api = api;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(HttpRequest<?> request, @Body @Nullable String body) {
        FormFields form = new FormFields(body);
        ConsoleSession session = guard.post(request, form.get("csrf"));
        List<String> ids = form.all("ids");
        String decision = form.get("decision");
        String reason = form.get("reason");
        String action = "reject".equals(decision) ? "reject" : "approve";
        List<BulkPage.Outcome> outcomes = new ArrayList<>();
        if (ids.isEmpty()) {
            session.flash("Select at least one request awaiting approval.", true);
            return HttpResponse.seeOther(java.net.URI.create("/console/queue"));
        }
        var reasonBody = api.object();
        if (reason != null && !reason.isBlank()) {
            reasonBody.put("reason", reason.trim());
        }
        for (String id : new LinkedHashSet<>(ids.subList(0, Math.min(ids.size(), MAX)))) {
            if (!ID.matcher(id).matches()) {
                outcomes.add(new BulkPage.Outcome(id, false, "not a request id"));
                continue;
            }
            try {
                api.post(session, "/v1/requests/" + id + "/" + action, reasonBody);
                outcomes.add(new BulkPage.Outcome(id, true, "approve".equals(action) ? "approved" : "rejected"));
            } catch (ApiRefusal refusal) {
                outcomes.add(new BulkPage.Outcome(id, false, refusal.describe()));
            }
        }
        long ok = outcomes.stream().filter(BulkPage.Outcome::ok).count();
        BulkPage page = new BulkPage(action, outcomes, ok, outcomes.size() - ok);
        Frame frame = guard.frame(session, ("approve".equals(action) ? "Bulk approval" : "Bulk rejection"), "queue");
        return Pages.html(new ModelAndView<>("console/bulk", Map.of("frame", frame, "page", page)));
    }
}
