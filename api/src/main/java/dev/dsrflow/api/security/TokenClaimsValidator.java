package dev.dsrflow.api.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Accepts a JWT only from the configured issuer and for the audience of the path it calls:
 * {@code /codec} the Temporal UI's, every other path the API's (see {@link TokenSettings}), and
 * the ID token the console's OIDC login receives the console's client id.
 */
@Singleton
@Requires(property = "dsrflow.security.jwt.issuer")
final class TokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {
    static final String CODEC_PATH = "/codec";
    /** Where the identity provider sends a person back to the console (Micronaut's OpenID client). */
    static final String OIDC_CALLBACK_PATH = "/oauth/callback/";

    private final TokenSettings settings;
    private final String consoleClientId;

    /**
     * @param consoleClientId the console's OIDC client id (application-oidc.yml), the audience of the
     *     ID token its login receives; blank: no console login
     */
    TokenClaimsValidator(
            TokenSettings settings,
            @Value("${micronaut.security.oauth2.clients.dsrflow.client-id:}") String consoleClientId) {
        this.settings = settings;
        this.consoleClientId = consoleClientId;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        if (!settings.issuer().equals(claims.get(Claims.ISSUER))) {
            return false;
        }
        String path = request instanceof HttpRequest<?> http ? http.getPath() : null;
        if (path == null || path.startsWith(OIDC_CALLBACK_PATH)) {
            // the ID token of the console's OIDC login (checked at the callback, and again without a
            // request): for the console's client; Micronaut's OpenID client checks its nonce
            return !consoleClientId.isBlank()
                    && audiences(claims.get(Claims.AUDIENCE)).contains(consoleClientId);
        }
        boolean codec = path.equals(CODEC_PATH) || path.startsWith(CODEC_PATH + "/");
        return audiences(claims.get(Claims.AUDIENCE)).contains(codec ? settings.codecAudience() : settings.audience());
    }

    private static Collection<?> audiences(Object aud) {
        if (aud instanceof Collection<?> many) {
            return many;
        }
        return aud == null ? java.util.List.of() : java.util.List.of(aud);
    }
}
