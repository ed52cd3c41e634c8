package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JWT bearer authentication, as deploy/ uses it (there with a JWKS URL; here with a shared
 * secret so the test can sign tokens): the roles claim grants the same rights as Basic users.
 */
@MicronautTest
class BearerTokenTest extends ApiTestSupport {

    @Inject
    JwtTokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put(
                "micronaut.security.token.jwt.signatures.secret.generator.secret",
                "a-test-only-secret-that-is-long-enough-for-hs256");
        return properties;
    }

    private String token(String subject, List<String> roles) {
        return tokens.generateToken(Map.of(
                        "sub",
                        subject,
                        "roles",
                        roles,
                        "exp",
                        Instant.now().plusSeconds(300).getEpochSecond()))
                .orElseThrow();
    }

    @Test
    void aBearerTokenWithTheRoleFilesAndTheTokensSubjectIsTheActor() {
        Answer a = call(HttpRequest.POST("/v1/requests", filing("ACCESS"))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(token("carol@ops", List.of("PRIVACY_OPS"))));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().path("requestedBy").asText()).isEqualTo("carol@ops");
    }

    @Test
    void aBearerTokenWithoutTheRoleIs403() {
        call(HttpRequest.POST("/v1/requests", filing("ACCESS"))
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .bearerAuth(token("dave@audit", List.of("AUDITOR"))))
                .problem(403);
        assertThat(call(HttpRequest.GET("/v1/requests").bearerAuth(token("dave@audit", List.of("AUDITOR"))))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aForgedOrExpiredBearerTokenIs401() {
        String genuine = token("eve", List.of("PRIVACY_OPS"));
        String forged = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        call(HttpRequest.GET("/v1/requests").bearerAuth(forged)).problem(401);
        String expired = tokens.generateToken(Map.of(
                        "sub",
                        "eve",
                        "roles",
                        List.of("AUDITOR"),
                        "exp",
                        Instant.now().minusSeconds(60).getEpochSecond()))
                .orElseThrow();
        call(HttpRequest.GET("/v1/requests").bearerAuth(expired)).problem(401);
    }
}
