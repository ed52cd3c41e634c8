package dev.dsrflow.api.actions;

import dev.dsrflow.api.problem.Problem;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.problem.StrictJson;
import dev.dsrflow.api.requests.RequestView;
import dev.dsrflow.api.security.Roles;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.ProductAction;
import dev.dsrflow.workflow.Renewal;
import dev.dsrflow.workflow.RequestUpdates;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The operator actions of API.md. Each answers the request's new view, or a problem: 400 for a
 * missing reason, 403 for a role that may not act, 404 for an unknown request, 409 when the
 * request's state does not allow the action.
 */
@Controller("/v1/requests/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "actions")
@ApiResponse(
        responseCode = "200",
        description = "the request's new view",
        content = @Content(schema = @Schema(implementation = RequestView.class)))
@ApiResponse(
        responseCode = "409",
        description = "the request's state does not allow it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "404",
        description = "unknown request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "400",
        description = "a required reason is missing, or the body is invalid",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "401",
        description = "no credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "403",
        description = "this role may not take this action on this request type",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
class ActionsController {
    private final RequestActions actions;

    ActionsController(RequestActions actions) {
        this.actions = actions;
    }

    @Post(value = "/approve", consumes = MediaType.APPLICATION_JSON)
    @Secured({Roles.PRIVACY_OPS, Roles.LEGAL})
    @Operation(summary = "Approve (PRIVACY_OPS for deletions, LEGAL for preservations; never the requester)")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = ActionBody.class)))
    RequestView approve(@PathVariable String id, @Body @Nullable byte[] body, Authentication user) {
        String reason = RequestActions.checkReason(reason(body));
        return actions.act(
                id,
                RequestUpdates.APPROVE,
                new OperatorAction(user.getName(), reason),
                user,
                RequestActions.APPROVER,
                true);
    }

    @Post(value = "/reject", consumes = MediaType.APPLICATION_JSON)
    @Secured({Roles.PRIVACY_OPS, Roles.LEGAL})
    @Operation(summary = "Reject with a reason (same roles as approve)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ActionBody.class)))
    RequestView reject(@PathVariable String id, @Body @Nullable byte[] body, Authentication user) {
        String reason = RequestActions.requireReason(reason(body));
        return actions.act(
                id,
                RequestUpdates.REJECT,
                new OperatorAction(user.getName(), reason),
                user,
                RequestActions.APPROVER,
                true);
    }

    @Post(value = "/cancel", consumes = MediaType.APPLICATION_JSON)
    @Secured({Roles.PRIVACY_OPS, Roles.LEGAL})
    @Operation(
            summary = "Cancel: a deletion before erasure starts, access and download before completion, a"
                    + " preservation before approval (LEGAL on a preservation)")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = ActionBody.class)))
    RequestView cancel(@PathVariable String id, @Body @Nullable byte[] body, Authentication user) {
        String reason = RequestActions.checkReason(reason(body));
        return actions.act(
                id,
                RequestUpdates.CANCEL,
                new OperatorAction(user.getName(), reason),
                user,
                RequestActions.OWNER,
                false);
    }

    @Post(value = "/extend", consumes = MediaType.APPLICATION_JSON)
    @Secured(Roles.PRIVACY_OPS)
    @Operation(summary = "Extend the due date once, with a reason, before the original due date")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ActionBody.class)))
    RequestView extend(@PathVariable String id, @Body @Nullable byte[] body, Authentication user) {
        String reason = RequestActions.requireReason(reason(body));
        return actions.act(
                id, RequestUpdates.EXTEND, new OperatorAction(user.getName(), reason), user, RequestActions.OPS, false);
    }

    @Post(value = "/products/{product}/retry", consumes = MediaType.APPLICATION_JSON)
    @Secured({Roles.PRIVACY_OPS, Roles.LEGAL})
    @Operation(summary = "Run a FAILED product again (LEGAL on a preservation)")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = ActionBody.class)))
    RequestView retry(
            @PathVariable String id, @PathVariable String product, @Body @Nullable byte[] body, Authentication user) {
        return onProduct(id, RequestUpdates.RETRY_PRODUCT, product, RequestActions.checkReason(reason(body)), user);
    }

    @Post(value = "/products/{product}/complete", consumes = MediaType.APPLICATION_JSON)
    @Secured({Roles.PRIVACY_OPS, Roles.LEGAL})
    @Operation(summary = "Mark a FAILED or MANUAL product DONE by hand, with a reason (LEGAL on a preservation)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ActionBody.class)))
    RequestView complete(
            @PathVariable String id, @PathVariable String product, @Body @Nullable byte[] body, Authentication user) {
        return onProduct(
                id, RequestUpdates.COMPLETE_PRODUCT, product, RequestActions.requireReason(reason(body)), user);
    }

    @Post(value = "/products/{product}/skip", consumes = MediaType.APPLICATION_JSON)
    @Secured({Roles.PRIVACY_OPS, Roles.LEGAL})
    @Operation(summary = "Skip a product, with a reason (LEGAL on a preservation)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ActionBody.class)))
    RequestView skip(
            @PathVariable String id, @PathVariable String product, @Body @Nullable byte[] body, Authentication user) {
        return onProduct(id, RequestUpdates.SKIP_PRODUCT, product, RequestActions.requireReason(reason(body)), user);
    }

    @Post(value = "/renew", consumes = MediaType.APPLICATION_JSON)
    @Secured(Roles.LEGAL)
    @Operation(summary = "Renew a preservation until a later instant")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RenewBody.class)))
    RequestView renew(@PathVariable String id, @Body @Nullable byte[] body, Authentication user) {
        RenewBody renewal = StrictJson.read(body, RenewBody.class, true);
        if (renewal.until() == null) {
            throw ProblemException.invalid("until", "is required");
        }
        String reason = RequestActions.checkReason(renewal.reason());
        return actions.act(
                id,
                RequestUpdates.RENEW,
                new Renewal(user.getName(), renewal.until(), reason),
                user,
                RequestActions.LEGAL,
                false);
    }

    @Post(value = "/release", consumes = MediaType.APPLICATION_JSON)
    @Secured(Roles.LEGAL)
    @Operation(summary = "Release a preservation, with a reason")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ActionBody.class)))
    RequestView release(@PathVariable String id, @Body @Nullable byte[] body, Authentication user) {
        String reason = RequestActions.requireReason(reason(body));
        return actions.act(
                id,
                RequestUpdates.RELEASE,
                new OperatorAction(user.getName(), reason),
                user,
                RequestActions.LEGAL,
                false);
    }

    /** A product action, taken by whoever owns the request's type (LEGAL on a preservation). */
    private RequestView onProduct(String id, String update, String product, String reason, Authentication user) {
        return actions.act(
                id, update, new ProductAction(user.getName(), product, reason), user, RequestActions.OWNER, false);
    }

    private static String reason(byte[] body) {
        ActionBody action = StrictJson.read(body, ActionBody.class, false);
        return action == null ? null : action.reason();
    }
}
