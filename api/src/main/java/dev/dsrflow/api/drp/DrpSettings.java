package dev.dsrflow.api.drp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * dsrflow as a Data Rights Protocol Privacy Infrastructure Provider ({@code dsrflow.drp}); the DRP
 * endpoints exist only when {@code business-id} is set.
 *
 * @param businessId the Covered Business's id, as the DRP service directory names it
 * @param agentsFile a service-directory {@code agents.json} (an array of agent entries); agents
 *     configured under {@code dsrflow.drp.agents} are added to it and win on the same id
 * @param defaultRegime the regime of a request that names none (only {@code ccpa} is served)
 * @param relyOnAgentVerification whether the agent's identity verification is enough
 * @param clockSkew how far in the future an {@code issued-at} may lie
 * @param maxValidity how long after its {@code issued-at} a message may expire at most
 * @param products the products a DRP request covers; none: every registered product
 * @param resultsUrlBase the public base URL of this API, for {@code results_url}; none: the
 *     request's own host
 * @param recordKeeping how long after a final status dsrflow keeps answering for it ({@code expires_at})
 * @param callbackTimeout how long one callback may take (connect and answer)
 * @param callbackGiveUp how long a callback is retried before it is abandoned
 * @param callbackMaxBackoff the longest wait between two attempts of one callback
 * @param pollInterval how often requests are checked for a changed status and callbacks sent
 * @param allowLoopbackHttp tests only: callbacks may go to {@code http://127.0.0.1} / localhost
 */
@ConfigurationProperties("dsrflow.drp")
public record DrpSettings(
        @NotBlank String businessId,
        @Nullable String agentsFile,
        @NotNull @Bindable(defaultValue = "ccpa") String defaultRegime,
        @Bindable(defaultValue = "true") boolean relyOnAgentVerification,
        @NotNull @Bindable(defaultValue = "1m") Duration clockSkew,
        @NotNull @Bindable(defaultValue = "15m") Duration maxValidity,
        @Nullable List<String> products,
        @Nullable String resultsUrlBase,
        @NotNull @Bindable(defaultValue = "60d") Duration recordKeeping,
        @NotNull @Bindable(defaultValue = "5s") Duration callbackTimeout,
        @NotNull @Bindable(defaultValue = "24h") Duration callbackGiveUp,
        @NotNull @Bindable(defaultValue = "10m") Duration callbackMaxBackoff,
        @NotNull @Bindable(defaultValue = "2s") Duration pollInterval,
        @Bindable(defaultValue = "false") boolean allowLoopbackHttp) {}
