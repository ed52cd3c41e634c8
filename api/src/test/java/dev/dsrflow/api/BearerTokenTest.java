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
 * secret so the test can sign tokens): the roles claim grants the same rights as Basic users,
 * for a token from the configured issuer and for the audience of the path it calls.
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
        properties.put("dsrflow.security.jwt.issuer", ISSUER);
        properties.put("dsrflow.security.jwt.audience", API);
        properties.put("dsrflow.security.jwt.codec-audience", TEMPORAL_UI);
        return properties;
    }

    private static final String ISSUER = "https://idp.test/";
    private static final String API = "dsrflow-api";
    private static final String TEMPORAL_UI = "temporal-ui";
    private static final String NO_PAYLOADS = "{\"payloads\": []}";

    private String token(String subject, List<String> roles) {
        return token(subject, roles, ISSUER, API);
    }

    private String token(String subject, List<String> roles, String issuer, Object audience) {
        Map<String, Object> claims = new HashMap<>(Map.of(
                "sub",
                subject,
                "roles",
                roles,
                "exp",
                Instant.now().plusSeconds(300).getEpochSecond()));
        if (issuer != null) {
            claims.put("iss", issuer);
        }
        if (audience != null) {
            claims.put("aud", audience);
        }
        return tokens.generateToken(claims).orElseThrow();
    }

    private Answer postWith(String path, String body, String token) {
        return call(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(token));
    }

    @Test
    void aTokenFromAnotherIssuerOrForAnotherAudienceIs401() {
        List<String> roles = List.of("PRIVACY_OPS");
        assertThat(postWith("/v1/requests", filing("ACCESS"), token("carol", roles))
                        .status())
                .isEqualTo(201);
        postWith("/v1/requests", filing("ACCESS"), token("carol", roles, "https://evil.test/", API))
                .problem(401);
        postWith("/v1/requests", filing("ACCESS"), token("carol", roles, null, API))
                .problem(401);
        postWith("/v1/requests", filing("ACCESS"), token("carol", roles, ISSUER, "another-app"))
                .problem(401);
        postWith("/v1/requests", filing("ACCESS"), token("carol", roles, ISSUER, null))
                .problem(401);
        postWith("/v1/requests", filing("ACCESS"), token("carol", roles, ISSUER, TEMPORAL_UI))
                .problem(401);
    }

    @Test
    void theCodecAcceptsOnlyTheTemporalUisAudience() {
        List<String> auditor = List.of("AUDITOR");
        Answer ui = postWith("/codec/decode", NO_PAYLOADS, token("ivy", auditor, ISSUER, TEMPORAL_UI));
        assertThat(ui.status()).as(ui.body()).isEqualTo(200);
        postWith("/codec/decode", NO_PAYLOADS, token("ivy", auditor, ISSUER, API))
                .problem(401);
        postWith("/codec/encode", NO_PAYLOADS, token("ivy", auditor, ISSUER, API))
                .problem(401);
        postWith("/codec/decode", NO_PAYLOADS, token("ivy", auditor, "https://evil.test/", TEMPORAL_UI))
                .problem(401);
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
