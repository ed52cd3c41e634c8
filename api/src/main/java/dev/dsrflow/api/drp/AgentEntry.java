package dev.dsrflow.api.drp;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * One authorized agent configured under {@code dsrflow.drp.agents.<name>}.
 *
 * @param agentId the agent's id in the DRP service directory ({@code [A-Z_]+}); property names
 *     are case-insensitive, so the id is given here and the name only tells entries apart
 * @param verifyKey the agent's Ed25519 verify key, 32 bytes in hex or base64 (the service
 *     directory's {@code verify_key}); may be left out for an agent of the agents file
 * @param callbackDomains the host names (and their sub-domains) its status callbacks may go to
 */
@EachProperty("dsrflow.drp.agents")
public record AgentEntry(
        @Parameter String name,
        @NotBlank String agentId,
        @Nullable String verifyKey,
        @Nullable List<String> callbackDomains) {}
