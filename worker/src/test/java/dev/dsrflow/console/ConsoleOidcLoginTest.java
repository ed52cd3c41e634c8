package dev.dsrflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.runtime.LocalPorts;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The console's OIDC login in the {@code oidc} environment, in the browser, against a real
 * OpenID Connect provider started here (mock-oauth2-server: discovery, authorization code,
 * token endpoint, signed ID tokens with the nonce): the provider's "groups" claim grants the
 * roles, and the name the provider gives is the actor the ledger records.
 */
class ConsoleOidcLoginTest {
    private static final String ISSUER_ID = "corp";
    private static final String CLIENT_ID = "dsrflow-console";

    @TempDir
    static Path dataDir;

    private static MockOAuth2Server provider;
    private static ConsoleRig rig;
    private static ConsoleBrowser browser;
    private static BasicApi api;

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), LocalPorts.next());
        String issuer = provider.issuerUrl(ISSUER_ID).toString();
        // the oidc environment is chosen as a deployment chooses it (MICRONAUT_ENVIRONMENTS), for this start only
        System.setProperty("micronaut.environments", "oidc");
        try {
            rig = ConsoleRig.start(
                    dataDir,
                    Map.of(
                            "dsrflow.security.jwt.issuer",
                            issuer,
                            "dsrflow.security.jwt.audience",
                            "dsrflow-api",
                            "dsrflow.security.jwt.codec-audience",
                            "temporal-ui",
                            "micronaut.security.token.jwt.signatures.jwks.oidc.url",
                            provider.jwksUrl(ISSUER_ID).toString(),
                            "micronaut.security.oauth2.clients.dsrflow.client-id",
                            CLIENT_ID,
                            "micronaut.security.oauth2.clients.dsrflow.client-secret",
                            "console-secret",
                            "dsrflow.console.oidc.roles-claim",
                            "groups",
                            "dsrflow.console.oidc.privacy-ops",
                            "dsr-privacy-ops",
                            // the demo users file the request the OIDC person acts on
                            "micronaut.security.basic-auth.enabled",
                            "true"));
        } finally {
            System.clearProperty("micronaut.environments");
        }
        api = rig.api();
        browser = rig.browser();
    }

    @AfterAll
    static void stop() {
        try {
            if (rig != null) {
                rig.close();
            }
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void aPersonSignsInThroughTheIdentityProviderAndIsRecordedByNameOnTheirApproval() throws Exception {
        String id = api.file("ops", """
                {"type":"DELETION","subject":{"userId":"u-oidc-1"},"jurisdiction":"GDPR","products":["profile"]}""");
        api.awaitStatus(id, "AWAITING_APPROVAL");

        signIn("ada.lovelace", List.of("dsr-privacy-ops", "staff"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/queue");
        assertThat(browser.text(By.cssSelector(".who strong"))).isEqualTo("ada.lovelace");

        browser.open("/console/requests/" + id);
        browser.driver()
                .findElement(By.cssSelector("button[data-action=approve]"))
                .click();
        browser.waitUntil(
                d -> !d.findElements(By.cssSelector("dialog#d-approve[open]")).isEmpty());
        browser.andWaitForNextPage(() -> browser.driver()
                .findElement(By.cssSelector("dialog#d-approve button[type=submit]"))
                .click());
        assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("Approved.");
        assertThat(api.get("/v1/requests/" + id, "auditor").path("approvedBy").asText())
                .isEqualTo("ada.lovelace");
        JsonNode history = api.get("/v1/requests/" + id + "/history", "auditor");
        assertThat(actorOf(history, "APPROVED")).isEqualTo("ada.lovelace");
    }

    @Test
    void aPersonWhoseGroupsGrantNoConsoleRoleIsToldSoAndGetsNoSession() {
        signIn("grace.hopper", List.of("engineering"));
        assertThat(browser.driver().getCurrentUrl()).contains("/oauth/callback/dsrflow");
        assertThat(browser.text(By.id("login-error")))
                .isEqualTo("The console is for privacy-ops, legal and auditors; product teams use the API.");
        assertThat(browser.driver().manage().getCookieNamed(ConsoleSessions.COOKIE))
                .isNull();
        browser.open("/console/queue");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/login");
    }

    /** Signs in through the provider, which answers the next login with these claims. */
    private static void signIn(String name, List<String> groups) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                "subject-" + name,
                "JWT",
                List.of(CLIENT_ID),
                Map.of("preferred_username", name, "groups", groups),
                600));
        browser.driver().manage().deleteAllCookies();
        browser.open("/console/login");
        browser.assertAccessible("login with the identity provider");
        String login = browser.driver().getCurrentUrl();
        browser.driver().findElement(By.id("oidc-login")).click();
        browser.waitUntil(d -> !d.getCurrentUrl().equals(login)
                && !d.getCurrentUrl().startsWith(provider.issuerUrl(ISSUER_ID).toString())
                && !d.findElements(By.tagName("main")).isEmpty()
                && d.findElements(By.id("signed-in")).isEmpty());
    }

    private static String actorOf(JsonNode history, String kind) {
        for (JsonNode e : history.path("events")) {
            if (kind.equals(e.path("kind").asText())) {
                return e.path("actor").asText();
            }
        }
        return null;
    }
}
