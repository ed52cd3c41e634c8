package dev.dsrflow.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Files a request through {@code POST /v1/requests}: privacy-ops files access, download and
 * deletion; legal files preservations with their legal process. The API validates; its
 * problem's field errors are shown next to the fields. Each form carries an idempotency key, so
 * a double submit files once.
 */
@Controller("/console/file")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class FilingController {
    private static final Set<String> FORM_FIELDS = Set.of(
            "type",
            "jurisdiction",
            "subject",
            "subject.userId",
            "subject.email",
            "subject.phone",
            "products",
            "format",
            "legalProcess",
            "legalProcess.kind",
            "legalProcess.reference",
            "legalProcess.authority",
            "legalProcess.expiresAt",
            "note");

    private final ConsoleGuard guard;
    private final Api api;

    FilingController(ConsoleGuard guard, Api api) {
        this.guard = guard;
        this.api = api;
    }

    @Get
    HttpResponse<?> form(HttpRequest<?> request) {
        ConsoleSession session = guard.session(request);
        Person person = ConsoleGuard.person(session);
        String type = person.ops() ? "ACCESS" : "PRESERVATION";
        FilePage.Form empty = new FilePage.Form(
                type, "GDPR", null, null, null, Set.of(), null, null, null, null, null, null, newKey());
        return page(session, empty, Map.of(), List.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> file(HttpRequest<?> request, @Body @Nullable String body) {
        FormFields fields = new FormFields(body);
        ConsoleSession session = guard.post(request, fields.get("csrf"));
        String idempotencyKey = fields.get("idempotencyKey");
        FilePage.Form form = new FilePage.Form(
                blank(fields.get("type")),
                blank(fields.get("jurisdiction")),
                blank(fields.get("userId")),
                blank(fields.get("email")),
                blank(fields.get("phone")),
                new LinkedHashSet<>(fields.all("products")),
                blank(fields.get("format")),
                blank(fields.get("kind")),
                blank(fields.get("reference")),
                blank(fields.get("authority")),
                blank(fields.get("expiresAt")),
                blank(fields.get("note")),
                idempotencyKey == null || idempotencyKey.isBlank() ? newKey() : idempotencyKey);
        Map<String, String> errors = new LinkedHashMap<>();
        ObjectNode filing = filing(form, errors);
        if (!errors.isEmpty()) {
            return page(session, form, errors, List.of());
        }
        try {
            JsonNode filed =
                    api.post(session, "/v1/requests", filing, Map.of("Idempotency-Key", form.idempotencyKey()));
            String id = filed.path("id").asText();
            session.flash("Filed " + filed.path("type").asText() + " request " + id + ".", false);
            return HttpResponse.seeOther(URI.create("/console/requests/" + id));
        } catch (ApiRefusal refusal) {
            List<String> general = new ArrayList<>();
            for (ApiRefusal.FieldProblem e : refusal.errors()) {
                String field = e.field().replaceAll("\\[\\d+]$", "");
                if (FORM_FIELDS.contains(field)) {
                    errors.merge(field, e.message(), (a, b) -> a + "; " + b);
                } else {
                    general.add(e.field() + ": " + e.message());
                }
            }
            if (refusal.errors().isEmpty()) {
                general.add(refusal.getMessage());
            }
            return page(session, form, errors, general);
        }
    }

    /** The API's filing body from the form; only what was filled in is sent. */
    private ObjectNode filing(FilePage.Form form, Map<String, String> errors) {
        ObjectNode body = api.object();
        putIf(body, "type", form.type());
        putIf(body, "jurisdiction", form.jurisdiction());
        ObjectNode subject = body.putObject("subject");
        putIf(subject, "userId", form.userId());
        putIf(subject, "email", form.email());
        putIf(subject, "phone", form.phone());
        if (!form.products().isEmpty()) {
            var list = body.putArray("products");
            form.products().forEach(list::add);
        }
        putIf(body, "format", form.format());
        boolean legal = "PRESERVATION".equals(form.type())
                || form.kind() != null
                || form.reference() != null
                || form.authority() != null
                || form.expiresAt() != null;
        if (legal) {
            ObjectNode process = body.putObject("legalProcess");
            putIf(process, "kind", form.kind());
            putIf(process, "reference", form.reference());
            putIf(process, "authority", form.authority());
            if (form.expiresAt() != null) {
                Instant at = RequestController.utc(form.expiresAt());
                if (at == null) {
                    errors.put("legalProcess.expiresAt", "must be a date and time");
                } else {
                    process.put("expiresAt", at.toString());
                }
            }
        }
        putIf(body, "note", form.note());
        return body;
    }

    private HttpResponse<?> page(
            ConsoleSession session, FilePage.Form form, Map<String, String> errors, List<String> general) {
        Person person = ConsoleGuard.person(session);
        List<String> types = new ArrayList<>();
        if (person.ops()) {
            types.addAll(List.of("ACCESS", "DOWNLOAD", "DELETION"));
        }
        if (person.legal()) {
            types.add("PRESERVATION");
        }
        List<String> products = new ArrayList<>();
        try {
            api.get(session, "/v1/products", Map.of())
                    .forEach(p -> products.add(p.path("id").asText()));
        } catch (ApiRefusal refusal) {
            general = new ArrayList<>(general);
            general.add(refusal.describe());
        }
        FilePage model = new FilePage(form, errors, general, products, types);
        Frame frame = guard.frame(session, "File a request", "file");
        return Pages.html(new ModelAndView<>("console/file", Map.of("frame", frame, "page", model)));
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String newKey() {
        return "console-" + UUID.randomUUID();
    }
}
