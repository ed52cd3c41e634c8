package dev.dsrflow.console;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evidence for auditors: a request's ledger history (verified by the API), its signed head and
 * its deletion certificate checked in place; any certificate pasted in is checked by the same
 * verifier. The raw Temporal history and the ledger's CSV are links.
 */
@Controller("/console/evidence")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class EvidenceController {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final ConsoleGuard guard;
    private final Api api;
    private final Duration warningLead;

    EvidenceController(
            ConsoleGuard guard, Api api, @Value("${dsrflow.deadlines.warning-lead:7d}") Duration warningLead) {
        this.guard = guard;
        this.api = api;
        this.warningLead = warningLead;
    }

    @Get
    HttpResponse<?> evidence(HttpRequest<?> request, @QueryValue @Nullable String id) {
        ConsoleSession session = guard.session(request);
        return page(session, id == null || id.isBlank() ? null : id.trim(), null);
    }

    @Post(value = "/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> verify(
            HttpRequest<?> request, @Nullable String certificate, @Nullable String id, @Nullable String csrf) {
        ConsoleSession session = guard.post(request, csrf);
        RequestPage.CertificateStatus pasted = certificate == null || certificate.isBlank()
                ? new RequestPage.CertificateStatus(false, "Paste a certificate first.", null)
                : Evidence.verify(api, session, certificate);
        return page(session, id == null || id.isBlank() ? null : id.trim(), pasted);
    }

    private HttpResponse<?> page(ConsoleSession session, String id, RequestPage.CertificateStatus pasted) {
        Instant now = Instant.now();
        RequestSummary summary = null;
        RequestPage.Timeline timeline = null;
        RequestPage.CertificateStatus certificate = null;
        String certificateJson = null;
        String error = null;
        if (id != null) {
            try {
                if (!ID.matcher(id).matches()) {
                    throw new ApiRefusal(404, "No request " + id, List.of());
                }
                JsonNode view = api.get(session, "/v1/requests/" + id, Map.of());
                summary = RequestSummary.of(view, now, warningLead);
                timeline = History.of(api, session, id);
                JsonNode cert = view.path("certificate");
                if (!cert.isMissingNode() && !cert.isNull()) {
                    certificateJson = cert.toPrettyString();
                    certificate = Evidence.verify(api, session, cert.toString());
                }
            } catch (ApiRefusal refusal) {
                error = refusal.describe();
            }
        }
        List<RequestSummary> recent = new ArrayList<>();
        try {
            api.get(session, "/v1/requests", Map.of("type", "DELETION", "status", "COMPLETED", "size", "20"))
                    .path("items")
                    .forEach(item -> recent.add(RequestSummary.of(item, now, warningLead)));
        } catch (ApiRefusal refusal) {
            error = error == null ? refusal.describe() : error;
        }
        EvidencePage model = new EvidencePage(summary, timeline, certificate, certificateJson, pasted, recent, error);
        Frame frame = guard.frame(session, "Evidence", "evidence");
        return Pages.html(new ModelAndView<>("console/evidence", Map.of("frame", frame, "page", model)));
    }
}
