package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsrflow.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** In the oidc environment dsrflow refuses to start without the token's issuer and audiences. */
class OidcStartupTest {
    private static final Map<String, Object> JWKS =
            Map.of("DSRFLOW_SECURITY_JWKS_URL", "http://127.0.0.1:9/jwks.json", "micronaut.server.port", -1);

    @Test
    void theOidcEnvironmentDoesNotStartWithoutAnIssuer() {
        assertThatThrownBy(() -> start(Map.of(
                        "dsrflow.security.jwt.audience", "dsrflow-api",
                        "dsrflow.security.jwt.codec-audience", "temporal-ui")))
                .hasStackTraceContaining("issuer")
                .hasStackTraceContaining("must not be blank");
    }

    @Test
    void theOidcEnvironmentDoesNotStartWithoutTheAudiences() {
        assertThatThrownBy(() -> start(Map.of("dsrflow.security.jwt.issuer", "https://idp.test/")))
                .hasStackTraceContaining("audience")
                .hasStackTraceContaining("must not be blank");
    }

    @Test
    void theOidcEnvironmentStartsWithThem() {
        start(Map.of(
                "dsrflow.security.jwt.issuer", "https://idp.test/",
                "dsrflow.security.jwt.audience", "dsrflow-api",
                "dsrflow.security.jwt.codec-audience", "temporal-ui"));
    }

    private static void start(Map<String, Object> settings) {
        Map<String, Object> properties = new java.util.HashMap<>(JWKS);
        properties.put("datasources.default.url", ((PGSimpleDataSource) TestDatabase.fresh()).getUrl());
        properties.putAll(settings);
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("oidc")
                .properties(properties)
                .start()) {
            context.getBean(io.micronaut.context.env.Environment.class);
        }
    }
}
