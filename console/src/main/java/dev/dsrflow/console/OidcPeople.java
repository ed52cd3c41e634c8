package dev.dsrflow.console;

import dev.dsrflow.api.security.Roles;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The person an OIDC login signed in, read from the ID token Micronaut's OpenID client has
 * already checked (signature, issuer, audience, expiry, nonce): their name from the configured
 * claim, their dsrflow roles from the values of the roles claim ({@link OidcSettings}). Nothing
 * else of the token is kept in the session.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
class OidcPeople implements OpenIdAuthenticationMapper {
    /** The role of {@code GET /metrics} (api's MetricsController). */
    static final String METRICS = "METRICS";

    private final OidcSettings settings;

    OidcPeople(OidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(
            String providerName, OpenIdTokenResponse tokenResponse, OpenIdClaims claims, @Nullable State state) {
        return Mono.just(AuthenticationResponse.success(name(claims.getClaims()), roles(claims.getClaims())));
    }

    /** The person's name: the configured claim, else the subject. */
    String name(Map<String, Object> claims) {
        Object name = claim(claims, settings.nameClaim());
        return name instanceof String text && !text.isBlank() ? text : String.valueOf(claims.get("sub"));
    }

    /** The dsrflow roles the roles claim's values grant. */
    Set<String> roles(Map<String, Object> claims) {
        Object value = claim(claims, settings.rolesClaim());
        Collection<?> values = value instanceof Collection<?> many ? many : value == null ? List.of() : List.of(value);
        Map<String, String> grants = new LinkedHashMap<>();
        grants.put(settings.privacyOps(), Roles.PRIVACY_OPS);
        grants.put(settings.legal(), Roles.LEGAL);
        grants.put(settings.auditor(), Roles.AUDITOR);
        grants.put(settings.metrics(), METRICS);
        Set<String> roles = new TreeSet<>();
        for (Object v : values) {
            String role = grants.get(String.valueOf(v));
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** A claim by name, or by a dotted path into nested objects. */
    private static Object claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
