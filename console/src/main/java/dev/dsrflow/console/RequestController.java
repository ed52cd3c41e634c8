package dev.dsrflow.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's page, its live fragment, its actions (each a call to the API's action endpoint
 * with the person's session) and its outputs: the access report, the download package and the
 * raw Temporal history, fetched from the API with the person's rights.
 */
@Controller("/console/requests/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class RequestController {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern PRODUCT = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final Set<String> REQUEST_ACTIONS =
            Set.of("approve", "reject", "cancel", "extend", "renew", "release");
    private static final Set<String> PRODUCT_ACTIONS = Set.of("retry", "complete", "skip");

    private final ConsoleGuard guard;
    private final Api api;
    private final Duration warningLead;

    RequestController(
            ConsoleGuard guard, Api api, @Value("${dsrflow.deadlines.warning-lead:7d}") Duration warningLead) {
        this.guard = guard;
        this.api = api;
        this.warningLead = warningLead;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, @PathVariable String id) {
        ConsoleSession session = guard.session(request);
        Person person = ConsoleGuard.person(session);
        JsonNode view;
        try {
            view = api.get(session, "/v1/requests/" + checkedId(id), Map.of());
        } catch (ApiRefusal refusal) {
            session.flash(refusal.describe(), true);
            return HttpResponse.seeOther(URI.create("/console/queue"));
        }
        RequestSummary summary = RequestSummary.of(view, Instant.now(), warningLead);
        RequestPage model = new RequestPage(
                summary,
                live(view, summary, person),
                History.of(api, session, summary.id()),
                certificate(session, view),
                download(view, person),
                links(summary, view, person));
        Frame frame = guard.frame(session, summary.type() + " request " + summary.shortId(), "queue");
        return Pages.html(new ModelAndView<>("console/request", Map.of("frame", frame, "page", model)));
    }

    @Get("/live")
    HttpResponse<?> live(HttpRequest<?> request, @PathVariable String id) {
        ConsoleSession session = guard.session(request);
        JsonNode view = api.get(session, "/v1/requests/" + checkedId(id), Map.of());
        RequestSummary summary = RequestSummary.of(view, Instant.now(), warningLead);
        RequestPage.Live live = live(view, summary, ConsoleGuard.person(session));
        return Pages.html(new ModelAndView<>("console/requestLive", Map.of("live", live)));
    }

    @Post(value = "/act/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> act(
            HttpRequest<?> request,
            @PathVariable String id,
            @PathVariable String action,
            @Nullable String reason,
            @Nullable String product,
            @Nullable String until,
            @Nullable String back,
            @Nullable String csrf) {
        ConsoleSession session = guard.post(request, csrf);
        String requestId = checkedId(id);
        ObjectNode body = api.object();
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.trim());
        }
        String path;
        if (REQUEST_ACTIONS.contains(action)) {
            path = "/v1/requests/" + requestId + "/" + action;
            if (action.equals("renew")) {
                Instant end = utc(until);
                if (end == null) {
                    session.flash("Renew: enter the new end of the hold (UTC).", true);
                    return back(requestId, back);
                }
                body.put("until", end.toString());
            }
        } else if (PRODUCT_ACTIONS.contains(action)
                && product != null
                && PRODUCT.matcher(product).matches()) {
            path = "/v1/requests/" + requestId + "/products/" + product + "/" + action;
        } else {
            return HttpResponse.notFound();
        }
        try {
            api.post(session, path, body);
            session.flash(done(action, product), false);
        } catch (ApiRefusal refusal) {
            session.flash(label(action) + " refused: " + refusal.describe(), true);
        }
        return back(requestId, back);
    }

    @Get("/report")
    HttpResponse<?> report(HttpRequest<?> request, @PathVariable String id) {
        ConsoleSession session = guard.session(request);
        return relay(api.fetch(session, "/v1/requests/" + checkedId(id) + "/report", Map.of(), "text/html"));
    }

    @Get("/package")
    HttpResponse<?> pack(HttpRequest<?> request, @PathVariable String id) {
        ConsoleSession session = guard.session(request);
        return relay(api.fetch(session, "/v1/requests/" + checkedId(id) + "/package", Map.of(), "*/*"));
    }

    @Get("/temporal")
    HttpResponse<?> temporal(HttpRequest<?> request, @PathVariable String id) {
        ConsoleSession session = guard.session(request);
        String requestId = checkedId(id);
        Api.Raw raw =
                api.fetch(session, "/v1/requests/" + requestId + "/history/temporal", Map.of(), "application/json");
        return relay(raw)
                .header("Content-Disposition", "attachment; filename=\"temporal-history-" + requestId + ".json\"");
    }

    private RequestPage.Live live(JsonNode view, RequestSummary summary, Person person) {
        List<RequestPage.ProductRow> products = new ArrayList<>();
        boolean productActions = false;
        for (JsonNode p : view.path("products")) {
            String product = p.path("product").asText();
            String status = p.path("status").asText();
            List<RequestPage.Action> actions = ActionRules.productActions(summary, product, status, person);
            productActions |= !actions.isEmpty();
            products.add(new RequestPage.ProductRow(
                    product,
                    status,
                    p.path("attempts").asInt(),
                    RequestSummary.text(p, "detail"),
                    RequestSummary.minute(RequestSummary.instant(p, "updatedAt")),
                    actions));
        }
        List<RequestPage.Action> actions = person.actor() ? ActionRules.requestActions(summary, person) : List.of();
        return new RequestPage.Live(summary, actions, products, !summary.isFinal(), productActions);
    }

    /** The certificate of a completed deletion, checked by the API's verifier as an auditor would. */
    private RequestPage.CertificateStatus certificate(ConsoleSession session, JsonNode view) {
        JsonNode certificate = view.path("certificate");
        if (certificate.isMissingNode() || certificate.isNull()) {
            return null;
        }
        return Evidence.verify(api, session, certificate.toString());
    }

    private static RequestPage.DownloadInfo download(JsonNode view, Person person) {
        JsonNode d = view.path("download");
        if (d.isMissingNode() || d.isNull()) {
            return null;
        }
        return new RequestPage.DownloadInfo(
                RequestSummary.minute(RequestSummary.instant(d, "expiresAt")),
                RequestSummary.text(d, "sha256"),
                d.path("bytes").asLong(),
                person.ops() && d.hasNonNull("url") && !d.path("purged").asBoolean(false),
                d.path("purged").asBoolean(false));
    }

    private static List<RequestPage.Link> links(RequestSummary r, JsonNode view, Person person) {
        List<RequestPage.Link> links = new ArrayList<>();
        String base = "/console/requests/" + r.id();
        if ("ACCESS".equals(r.type()) && "COMPLETED".equals(r.status())) {
            links.add(new RequestPage.Link("Access report (as sent to the subject)", base + "/report"));
        }
        links.add(new RequestPage.Link(
                "Evidence: history, signed head and certificate", "/console/evidence?id=" + r.id()));
        links.add(new RequestPage.Link("Raw Temporal history (JSON)", base + "/temporal"));
        return links;
    }

    private static MutableHttpResponse<byte[]> relay(Api.Raw raw) {
        MutableHttpResponse<byte[]> answer = HttpResponse.<byte[]>status(HttpStatus.valueOf(raw.status()))
                .header("Cache-Control", "no-store")
                .body(raw.body());
        if (!raw.contentType().isEmpty()) {
            answer.contentType(raw.contentType());
        }
        if (raw.disposition() != null) {
            answer.header("Content-Disposition", raw.disposition());
        }
        return answer;
    }

    /** After an action: back to the request's page, or to the holds page when the action came from there. */
    private static HttpResponse<?> back(String id, String page) {
        return HttpResponse.seeOther(URI.create("holds".equals(page) ? "/console/holds" : "/console/requests/" + id));
    }

    private static String checkedId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new ApiRefusal(404, "No request " + id, List.of());
        }
        return id;
    }

    /** A datetime-local value read as UTC; null if blank or malformed. */
    static Instant utc(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String label(String action) {
        return Character.toUpperCase(action.charAt(0)) + action.substring(1);
    }

    private static String done(String action, String product) {
        String what = switch (action) {
            case "approve" -> "Approved";
            case "reject" -> "Rejected";
            case "cancel" -> "Cancelled";
            case "extend" -> "Due date extended";
            case "renew" -> "Hold renewed";
            case "release" -> "Hold released";
            case "retry" -> "Retrying";
            case "complete" -> "Completed by hand";
            default -> "Skipped";
        };
        return product == null ? what + "." : what + ": " + product + ".";
    }
}
