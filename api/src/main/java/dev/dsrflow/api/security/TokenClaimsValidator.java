package dev.dsrflow.api.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Accepts a JWT only from the configured issuer and for the audience of the path it calls:
 * {@code /codec} the Temporal UI's, every other path the API's (see {@link TokenSettings}).
 */
@Singleton
@Requires(property = "dsrflow.security.jwt.issuer")
final class TokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {
    static final String CODEC_PATH = "/codec";

    private final TokenSettings settings;

    TokenClaimsValidator(TokenSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        String path = request instanceof HttpRequest<?> http ? http.getPath() : "";
        boolean codec = path.equals(CODEC_PATH) || path.startsWith(CODEC_PATH + "/");
        return settings.issuer().equals(claims.get(Claims.ISSUER))
                && audiences(claims.get(Claims.AUDIENCE))
                        .contains(codec ? settings.codecAudience() : settings.audience());
    }

    private static Collection<?> audiences(Object aud) {
        if (aud instanceof Collection<?> many) {
            return many;
        }
        return aud == null ? java.util.List.of() : java.util.List.of(aud);
    }
}
