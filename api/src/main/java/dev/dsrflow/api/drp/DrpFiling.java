package dev.dsrflow.api.drp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.api.problem.FieldError;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.requests.FilingBody;
import dev.dsrflow.api.requests.RequestFiling;
import dev.dsrflow.api.security.Roles;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestType;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns an agent's verified exercise message into a dsrflow request, filed through the same
 * {@link RequestFiling} as {@code POST /v1/requests} with the agent as filer: {@code access}
 * (and its {@code :categories} / {@code :specific} forms) is an ACCESS, {@code deletion} a
 * DELETION, under the CCPA; the sale opt-out and opt-in are answered {@code denied} /
 * {@code claim_not_covered} and filed nowhere but here. The agent's request id is reserved
 * before filing, so a reused one never files a second request.
 */
@Singleton
@Requires(property = "dsrflow.drp.business-id")
class DrpFiling {
    static final int MAX_AGENT_REQUEST_ID = 200;

    private final RequestFiling filing;
    private final DrpStore store;
    private final ExerciseStatuses statuses;
    private final DrpSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    DrpFiling(RequestFiling filing, DrpStore store, ExerciseStatuses statuses, DrpSettings settings) {
        this.filing = filing;
        this.store = store;
        this.statuses = statuses;
        this.settings = settings;
    }

    /** Files the exercise (or denies it at once) and answers its status. */
    ExerciseStatus exercise(Agent agent, SignedMessage message) {
        String exercise = required(message, "exercise");
        RequestType type = typeOf(exercise);
        String regime = message.text("regime") == null ? settings.defaultRegime() : message.text("regime");
        if (!"ccpa".equals(regime.toLowerCase(Locale.ROOT))) {
            throw DrpRefusal.invalid("regime", "only ccpa is served");
        }
        String agentRequestId = message.text("agent-request-id");
        if (agentRequestId != null && (agentRequestId.isBlank() || agentRequestId.length() > MAX_AGENT_REQUEST_ID)) {
            throw DrpRefusal.invalid("agent-request-id", "must be 1-" + MAX_AGENT_REQUEST_ID + " characters");
        }
        String callback = message.text("status_callback");
        if (message.claims().has("status_callback") && callback == null) {
            throw DrpRefusal.invalid("status_callback", "must be a URL");
        }
        if (callback != null) {
            CallbackTargets.check(agent, callback, settings.allowLoopbackHttp());
        }
        String placeholder = "pending:" + UUID.randomUUID();
        DrpRequest draft = new DrpRequest(
                placeholder,
                agent.id(),
                agentRequestId,
                exercise,
                regime,
                callback,
                settings.relyOnAgentVerification(),
                null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                null);
        if (!store.reserve(draft)) {
            throw DrpRefusal.invalid("agent-request-id", "was used for an earlier request of this agent");
        }
        try {
            if (type == null) {
                ExerciseStatus status = statuses.of(draft.as(UUID.randomUUID().toString(), "claim_not_covered"));
                store.bind(placeholder, status.requestId(), "claim_not_covered", write(status), true);
                return status;
            }
            RequestFiling.Filed filed = filing.file(body(type, message), null, filer(agent));
            ExerciseStatus status = statuses.of(draft.as(filed.requestId(), null));
            store.bind(placeholder, filed.requestId(), null, write(status), callback == null);
            return status;
        } catch (ProblemException e) {
            store.release(placeholder);
            throw refusal(e);
        } catch (RuntimeException e) {
            store.release(placeholder);
            throw e;
        }
    }

    /** The identity the agent files and revokes under. */
    static Authentication filer(Agent agent) {
        return Authentication.build(ExerciseStatuses.actor(agent.id()), List.of(Roles.PRIVACY_OPS));
    }

    private FilingBody body(RequestType type, SignedMessage message) {
        FilingBody.Subject subject =
                new FilingBody.Subject(null, identity(message, "email"), identity(message, "phone_number"));
        return new FilingBody(
                type,
                subject,
                Jurisdiction.CCPA,
                settings.products() == null || settings.products().isEmpty() ? null : settings.products(),
                null,
                null,
                null,
                null,
                "filed by authorized agent " + message.text("agent-id") + " through DRP");
    }

    private static String identity(SignedMessage message, String claim) {
        if (message.claims().has(claim) && !message.claims().path(claim).isTextual()) {
            throw DrpRefusal.invalid(claim, "must be a string");
        }
        return message.text(claim);
    }

    /** The dsrflow type of an exercise; null for the sale opt-out and opt-in, which are not served. */
    private static RequestType typeOf(String exercise) {
        return switch (exercise) {
            case "access", "access:categories", "access:specific" -> RequestType.ACCESS;
            case "deletion" -> RequestType.DELETION;
            case "sale:opt_out", "sale:opt-out", "sale:opt_in", "sale:opt-in" -> null;
            default -> throw DrpRefusal.invalid("exercise", "Unsupported rights actions submitted.");
        };
    }

    private static String required(SignedMessage message, String claim) {
        String value = message.text(claim);
        if (value == null || value.isBlank()) {
            throw DrpRefusal.invalid(claim, "is required");
        }
        return value;
    }

    /** A filing problem in the protocol's terms, its fields named as the agent sent them. */
    private static DrpRefusal refusal(ProblemException e) {
        List<FieldError> errors = e.errors();
        String field = errors == null || errors.isEmpty() ? null : errors.get(0).field();
        String message = errors == null || errors.isEmpty()
                ? e.getMessage()
                : errors.get(0).message();
        String claim = field == null
                ? null
                : switch (field) {
                    case "subject", "subject.email" -> "email";
                    case "subject.phone" -> "phone_number";
                    default -> field;
                };
        return DrpRefusal.invalid(
                claim, "subject".equals(field) ? "an email or phone_number claim is required" : message);
    }

    String write(ExerciseStatus status) {
        try {
            return json.writeValueAsString(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
