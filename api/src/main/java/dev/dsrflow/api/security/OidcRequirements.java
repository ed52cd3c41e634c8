package dev.dsrflow.api.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * In the {@code oidc} environment dsrflow does not start without a token issuer and audiences
 * ({@link TokenSettings}): a bearer token from any issuer for any audience would otherwise pass.
 */
@Context
@Requires(env = "oidc")
final class OidcRequirements {
    OidcRequirements(TokenSettings settings) {
        // binding validates the settings: a blank issuer or audience stops the start, naming the property
    }
}
