package dev.dsrflow.api.subject;

import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Locale;

/**
 * {@code GET /privacy}: the privacy center, plain HTML forms over the same services as the JSON
 * self-service API (form bodies, so a person needs no JavaScript). Every filing is answered with
 * the code page, whatever the address; refusals show their message next to the form.
 */
@Controller("/privacy")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class PrivacyCenterController {
    private final SubjectRequests requests;
    private final SubjectVerification verification;
    private final RateLimits limits;

    PrivacyCenterController(SubjectRequests requests, SubjectVerification verification, RateLimits limits) {
        this.requests = requests;
        this.verification = verification;
        this.limits = limits;
    }

    @Get(produces = MediaType.TEXT_HTML)
    String center() {
        return PrivacyCenterPage.form(null);
    }

    @Post(value = "/request", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> request(
            HttpRequest<?> http, @Nullable String type, @Nullable String email, @Nullable String jurisdiction) {
        try {
            SubjectRequestAnswer filed = requests.file(
                    new SubjectRequestBody(
                            parse(RequestType.class, type), email, parse(Jurisdiction.class, jurisdiction)),
                    SubjectRequestsController.client(http));
            return HttpResponse.ok(PrivacyCenterPage.codeEntry(filed.id(), null));
        } catch (ProblemException refused) {
            return HttpResponse.<String>status(refused.status()).body(PrivacyCenterPage.form(message(refused)));
        }
    }

    @Post(value = "/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> verify(HttpRequest<?> http, @Nullable String request, @Nullable String code) {
        try {
            limits.attempt(SubjectRequestsController.client(http));
            verification.verify(required(request), code);
            return HttpResponse.ok(PrivacyCenterPage.verified());
        } catch (ProblemException refused) {
            return HttpResponse.<String>status(refused.status())
                    .body(PrivacyCenterPage.codeEntry(request == null ? "" : request, message(refused)));
        }
    }

    @Post(value = "/resend", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> resend(HttpRequest<?> http, @Nullable String request) {
        try {
            limits.attempt(SubjectRequestsController.client(http));
            verification.resend(required(request), SubjectRequests.ACTOR);
            return HttpResponse.ok(PrivacyCenterPage.codeEntry(request, "We sent you a new code."));
        } catch (ProblemException refused) {
            return HttpResponse.<String>status(refused.status())
                    .body(PrivacyCenterPage.codeEntry(request == null ? "" : request, message(refused)));
        }
    }

    private static String required(String request) {
        if (request == null || request.isBlank()) {
            throw ProblemException.invalid("request", "is required");
        }
        return request;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String message(ProblemException refused) {
        if (refused.errors().isEmpty()) {
            return refused.getMessage();
        }
        return String.join(
                "; ",
                refused.errors().stream()
                        .map(e -> e.field() + ": " + e.message())
                        .toList());
    }
}
