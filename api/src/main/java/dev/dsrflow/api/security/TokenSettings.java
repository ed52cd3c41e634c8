package dev.dsrflow.api.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * What a JWT bearer token must say to be accepted (required in the {@code oidc} environment):
 * who issued it and for whom. The API accepts only tokens for its own audience; the codec
 * endpoint only tokens for the Temporal UI's, so a token the UI holds cannot call the API and an
 * API token cannot read decrypted payloads through the codec.
 *
 * @param issuer the identity provider's issuer ({@code iss}; env {@code DSRFLOW_SECURITY_JWT_ISSUER})
 * @param audience the API's audience ({@code aud}; env {@code DSRFLOW_SECURITY_JWT_AUDIENCE})
 * @param codecAudience the Temporal UI's audience, the only one {@code /codec} accepts (env
 *     {@code DSRFLOW_SECURITY_JWT_CODEC_AUDIENCE})
 */
@ConfigurationProperties("dsrflow.security.jwt")
public record TokenSettings(
        @NotBlank String issuer,
        @NotBlank String audience,
        @NotBlank String codecAudience) {}
