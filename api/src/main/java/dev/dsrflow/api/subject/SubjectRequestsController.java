package dev.dsrflow.api.subject;

import dev.dsrflow.api.problem.Problem;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.problem.StrictJson;
import dev.dsrflow.workflow.VerificationAnswer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Self-service without credentials: a person files their own request, verifies it with the code
 * mailed to them, and reads its status with the token from the acknowledgement. Bodies are at
 * most {@link #MAX_BODY} bytes; filings and attempts are rate-limited.
 */
@Controller("/v1/subject-requests")
@Secured(SecurityRule.IS_ANONYMOUS)
@SecurityRequirements
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Self-service")
class SubjectRequestsController {
    /** Largest body the self-service endpoints take. */
    static final int MAX_BODY = 4 * 1024;

    private final SubjectRequests requests;
    private final SubjectVerification verification;
    private final RateLimits limits;

    SubjectRequestsController(SubjectRequests requests, SubjectVerification verification, RateLimits limits) {
        this.requests = requests;
        this.verification = verification;
        this.limits = limits;
    }

    @Post
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "A person asks for access, a download or deletion; a code is mailed to the address")
    @ApiResponse(
            responseCode = "202",
            content = @Content(schema = @Schema(implementation = SubjectRequestAnswer.class)))
    @ApiResponse(
            responseCode = "400",
            description = "invalid input",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "429",
            description = "too many requests from this address or client",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<SubjectRequestAnswer> file(HttpRequest<?> http, @Body @Nullable byte[] body) {
        SubjectRequestBody request = StrictJson.read(bounded(body), SubjectRequestBody.class, true);
        return HttpResponse.accepted().body(requests.file(request, client(http)));
    }

    @Post("/{id}/verify")
    @Operation(summary = "The person enters the code mailed to them")
    @ApiResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = SubjectRequestAnswer.class)))
    @ApiResponse(
            responseCode = "400",
            description = "malformed or wrong code (with the tries left)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "410",
            description = "the code expired or is locked: ask for a new one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    SubjectRequestAnswer verify(HttpRequest<?> http, @PathVariable String id, @Body @Nullable byte[] body) {
        limits.attempt(client(http));
        CodeBody code = StrictJson.read(bounded(body), CodeBody.class, true);
        VerificationAnswer answer = verification.verify(id, code.code());
        return new SubjectRequestAnswer(id, answer.status(), answer.remainingTries());
    }

    @Post("/{id}/resend")
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Mails a new code (at most 3 times per request)")
    @ApiResponse(
            responseCode = "202",
            content = @Content(schema = @Schema(implementation = SubjectRequestAnswer.class)))
    HttpResponse<SubjectRequestAnswer> resend(HttpRequest<?> http, @PathVariable String id) {
        limits.attempt(client(http));
        verification.resend(id, SubjectRequests.ACTOR);
        return HttpResponse.accepted()
                .body(new SubjectRequestAnswer(id, dev.dsrflow.model.RequestStatus.AWAITING_VERIFICATION, null));
    }

    @Get(
            value = "/{id}",
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "The person's status page, with the token from the acknowledgement")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubjectStatus.class)))
    @ApiResponse(
            responseCode = "404",
            description = "unknown request or wrong token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> status(HttpRequest<?> http, @PathVariable String id, @QueryValue @Nullable String token) {
        SubjectStatus status = requests.status(id, token);
        // the acknowledgement's link opens in a browser: a page for it, JSON for everyone else
        boolean browser = http.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
        if (!browser) {
            return HttpResponse.ok(status);
        }
        // a request an authorized agent filed waits for the person here (DRP's user_verification_url)
        String page = status.status() == dev.dsrflow.model.RequestStatus.AWAITING_VERIFICATION
                ? PrivacyCenterPage.codeEntry(id, null)
                : PrivacyCenterPage.status(status);
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE);
    }

    private static byte[] bounded(byte[] body) {
        if (body != null && body.length > MAX_BODY) {
            throw ProblemException.bodyTooLarge(MAX_BODY);
        }
        return body;
    }

    static String client(HttpRequest<?> http) {
        return http.getRemoteAddress().getAddress().getHostAddress();
    }
}
