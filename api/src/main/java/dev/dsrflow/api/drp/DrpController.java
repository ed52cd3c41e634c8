package dev.dsrflow.api.drp;

import dev.dsrflow.api.actions.RequestActions;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.security.Roles;
import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.RequestUpdates;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Data Rights Protocol 0.9.4 endpoints a Privacy Infrastructure Provider serves. No
 * dsrflow credentials: key setup is authenticated by the agent's signature alone, every other
 * call by the pair-wise bearer token it issued, and every signed body by the agent's signature.
 * Signed bodies are {@code text/plain}, as the protocol requires.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "dsrflow.drp.business-id")
@Tag(name = "authorized agents (DRP 0.9.4)")
class DrpController {
    private static final Logger LOG = LoggerFactory.getLogger(DrpController.class);
    private static final int TOKEN_BYTES = 32;
    private static final java.util.regex.Pattern AGENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_BODY = 64 * 1024;

    private final AgentDirectory agents;
    private final SignedMessages messages;
    private final DrpStore store;
    private final DrpFiling filing;
    private final ExerciseStatuses statuses;
    private final RequestActions actions;
    private final BlobStore blobs;
    private final SecureRandom random = new SecureRandom();

    DrpController(
            AgentDirectory agents,
            SignedMessages messages,
            DrpStore store,
            DrpFiling filing,
            ExerciseStatuses statuses,
            RequestActions actions,
            BlobStore blobs) {
        this.agents = agents;
        this.messages = messages;
        this.store = store;
        this.filing = filing;
        this.statuses = statuses;
        this.actions = actions;
        this.blobs = blobs;
    }

    @Post(value = "/v1/agent/{agentId}", consumes = MediaType.TEXT_PLAIN, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Pair-wise key setup: a signed message → the agent's bearer token (403, no body, if refused)")
    Map<String, String> keySetup(@PathVariable String agentId, @Body @Nullable String body) {
        try {
            Agent agent = agents.find(agentId).orElseThrow(() -> DrpRefusal.forbidden("agent-id", "unknown agent"));
            SignedMessage message = accepted(body, agent);
            byte[] token = new byte[TOKEN_BYTES];
            random.nextBytes(token);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
            store.saveToken(agent.id(), SignedMessages.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return Map.of("agent-id", message.text("agent-id"), "token", text);
        } catch (DrpRefusal refusal) {
            // the agent learns nothing (section 2.05.1); the operator resolving it out of band reads why here
            LOG.info(
                    "DRP key setup refused for agent {}: {} {}",
                    AGENT_ID.matcher(agentId).matches() ? agentId : "(not an agent id)",
                    refusal.field(),
                    refusal.getMessage());
            throw refusal.bare();
        }
    }

    @Get(value = "/v1/agent/{agentId}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Agent information: checks the bearer token → {}")
    Map<String, String> agent(@PathVariable String agentId, @Header(HttpHeaders.AUTHORIZATION) @Nullable String auth) {
        Agent agent = bearer(auth);
        if (!agent.id().equals(agentId)) {
            throw DrpRefusal.forbidden("agent-id", "the token is not this agent's");
        }
        return Map.of();
    }

    @Post(value = "/v1/data-rights-request", consumes = MediaType.TEXT_PLAIN, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Data rights exercise: bearer token and a signed request → its exercise status")
    ExerciseStatus exercise(@Header(HttpHeaders.AUTHORIZATION) @Nullable String auth, @Body @Nullable String body) {
        Agent agent = bearer(auth);
        return filing.exercise(agent, accepted(body, agent));
    }

    @Get(value = "/v1/data-rights-request/{requestId}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Data rights status: the exercise status of one of the agent's requests")
    ExerciseStatus status(@PathVariable String requestId, @Header(HttpHeaders.AUTHORIZATION) @Nullable String auth) {
        return statuses.of(owned(requestId, bearer(auth)));
    }

    @Delete(
            value = "/v1/data-rights-request/{requestId}",
            consumes = MediaType.TEXT_PLAIN,
            produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Data rights revoke: a signed {reason} → revoked, where the request's state allows it")
    ExerciseStatus revoke(
            @PathVariable String requestId,
            @Header(HttpHeaders.AUTHORIZATION) @Nullable String auth,
            @Body @Nullable String body) {
        Agent agent = bearer(auth);
        DrpRequest request = owned(requestId, agent);
        SignedMessage message = messages.open(body, agent);
        if (message.claims().has("expires-at") || message.claims().has("agent-id")) {
            // a revoke carrying the envelope claims is checked and remembered like any signed message
            messages.checkEnvelope(message, agent);
            if (!store.rememberMessage(message.digest(), agent.id(), message.expiresAt())) {
                throw DrpRefusal.forbidden("body", "this message was received before (replay)");
            }
        }
        ExerciseStatus current = statuses.of(request);
        if (current.isFinal()) {
            if (ExerciseStatus.REVOKED.equals(current.status())) {
                return current;
            }
            throw DrpRefusal.conflict("the request is " + current.status() + " and can no longer be revoked");
        }
        try {
            actions.act(
                    requestId,
                    RequestUpdates.CANCEL,
                    new OperatorAction(
                            ExerciseStatuses.actor(agent.id()),
                            "revoked by the user through authorized agent " + agent.id()),
                    DrpFiling.filer(agent),
                    type -> Roles.PRIVACY_OPS,
                    false);
        } catch (ProblemException e) {
            throw e.status().getCode() == 503
                    ? DrpRefusal.unavailable(e.getMessage())
                    : DrpRefusal.conflict("the request can no longer be revoked: " + e.getMessage());
        }
        return statuses.of(request);
    }

    @Get(value = "/v1/data-rights-request/{requestId}/results", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "The results of a fulfilled access (its results_url): the access report, for the agent only")
    HttpResponse<byte[]> results(
            @PathVariable String requestId, @Header(HttpHeaders.AUTHORIZATION) @Nullable String auth) {
        DrpRequest request = owned(requestId, bearer(auth));
        ExerciseStatus status = statuses.of(request);
        String key = store.reportBlob(requestId).orElse(null);
        if (status.resultsUrl() == null || key == null || !blobs.exists(key)) {
            throw DrpRefusal.notFound("the request has no results");
        }
        try (InputStream in = blobs.open(key)) {
            return HttpResponse.ok(in.readAllBytes()).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Verifies the signed body and its envelope, then remembers it (a second time is a replay). */
    private SignedMessage accepted(String body, Agent agent) {
        if (body != null && body.length() > MAX_BODY) {
            throw DrpRefusal.invalid("body", "at most " + MAX_BODY + " characters");
        }
        SignedMessage message = messages.open(body, agent);
        messages.checkEnvelope(message, agent);
        if (!store.rememberMessage(message.digest(), agent.id(), message.expiresAt())) {
            throw DrpRefusal.forbidden("body", "this message was received before (replay)");
        }
        return message;
    }

    /** The agent whose pair-wise token the request presents. */
    private Agent bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw DrpRefusal.forbidden("Authorization", "a Bearer token from key setup is required");
        }
        String token = authorization.substring(7).trim();
        return store.agentOfToken(SignedMessages.sha256(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .flatMap(agents::find)
                .orElseThrow(() -> DrpRefusal.forbidden("Authorization", "unknown or replaced token"));
    }

    /** The agent's own request; another agent's is forbidden (section 2.02.1). */
    private DrpRequest owned(String requestId, Agent agent) {
        DrpRequest request = store.find(requestId)
                .filter(r -> !r.requestId().startsWith("pending:"))
                .orElseThrow(() -> DrpRefusal.notFound("no such request"));
        if (!request.agentId().equals(agent.id())) {
            throw DrpRefusal.forbidden("request_id", "the request is another agent's");
        }
        return request;
    }
}
