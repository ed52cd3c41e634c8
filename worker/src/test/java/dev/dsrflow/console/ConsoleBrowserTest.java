package dev.dsrflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsrflow.runtime.Dsrflow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser (Debian's headless Chromium through Selenium) against the
 * runtime started as the README starts it, with a five-second deletion grace period. Each test
 * is a person's task from issue 14; every page is checked with axe-core and by keyboard, and
 * its screenshot saved under docs/console/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static ConsoleRig rig;
    private static Dsrflow dsrflow;
    private static ConsoleBrowser browser;
    private static BasicApi api;

    @BeforeAll
    static void start() throws IOException {
        rig = ConsoleRig.start(
                dataDir,
                Map.of(
                        "dsrflow.api.worker-presence-ttl",
                        "0s",
                        "dsrflow.deletion.grace-period",
                        "PT5S",
                        // a product whose store is down fails at once, for the retry and skip buttons
                        "dsrflow.products.content.max-attempts",
                        "1"));
        dsrflow = rig.dsrflow();
        api = rig.api();
        browser = rig.browser();
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    void opsFilesADeletionASecondOperatorApprovesItInTheQueueAndTheProductsFinishWithoutAReload() throws Exception {
        browser.loginAs("ops");
        browser.open("/console/file");
        new Select(browser.driver().findElement(By.id("type"))).selectByValue("DELETION");
        browser.driver().findElement(By.id("file-submit")).click();
        assertThat(browser.text(By.id("err-subject")))
                .as("the API's field error, next to the field")
                .contains("at least one identifier");
        browser.assertAccessible("file a request (with errors)");
        browser.screenshot("file");

        browser.driver().findElement(By.id("userId")).sendKeys("u-console-1");
        for (String product : List.of("profile", "messaging", "support-tickets")) {
            browser.driver()
                    .findElement(By.cssSelector("input[name=products][value='" + product + "']"))
                    .click();
        }
        browser.driver().findElement(By.id("file-submit")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/console/requests/"));
        String id = requestIdInUrl();
        assertThat(browser.driver().getPageSource()).doesNotContain("u-console-1");

        api.awaitStatus(id, "AWAITING_APPROVAL");
        browser.driver().navigate().refresh();
        String why = browser.waitUntil(d ->
                d.findElement(By.cssSelector("button[data-action=approve]")).getAttribute("disabled") != null
                        ? d.findElement(By.id("why-approve")).getText()
                        : null);
        assertThat(why).isEqualTo("You filed this request: a second person must approve it (four eyes)");

        browser.loginAs("ops2");
        browser.open("/console/queue?type=DELETION&status=AWAITING_APPROVAL");
        browser.driver()
                .findElement(By.cssSelector("input[name=ids][value='" + id + "']"))
                .click();
        browser.driver()
                .findElement(By.cssSelector("button[name=decision][value=approve]"))
                .click();
        assertThat(bulkSummary()).isEqualTo("1 approved, 0 refused.");

        browser.open("/console/requests/" + id);
        browser.script("window.consoleMarker = 'same page';");
        browser.waitUntil(d -> productStatus("support-tickets").equals("MANUAL")
                && List.of("DONE", "NO_DATA").contains(productStatus("profile"))
                && List.of("DONE", "NO_DATA").contains(productStatus("messaging")));
        assertThat(browser.script("return window.consoleMarker;"))
                .as("the products changed on the page without a reload")
                .isEqualTo("same page");
        browser.screenshot("request");

        browser.tabTo("button[data-action=complete][data-product=support-tickets]");
        browser.type(Keys.ENTER);
        browser.waitUntil(
                d -> !d.findElements(By.cssSelector("dialog#d-complete[open]")).isEmpty());
        browser.type("Vendor confirmed the erasure in ticket 5521");
        browser.tabTo("dialog[open] button[type=submit]");
        browser.andWaitForNextPage(() -> browser.type(Keys.ENTER));
        assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("Completed by hand: support-tickets.");
        browser.waitUntil(
                d -> "COMPLETED".equals(d.findElement(By.id("request-status")).getAttribute("data-status")));

        JsonNode history = api.get("/v1/requests/" + id + "/history", "auditor");
        assertThat(history.path("events").findValuesAsText("actor")).contains("ops", "ops2");
        assertThat(eventActor(history, "APPROVED")).isEqualTo("ops2");
        browser.open("/console/requests/" + id);
        assertThat(browser.text(By.id("timeline"))).contains("ops2").contains("APPROVED");
        assertThat(browser.text(By.id("chain-status"))).startsWith("✓ Chain verified");
    }

    @Test
    @Order(2)
    void bulkApprovalApprovesFourAndRefusesTheOperatorsOwnRequestWithTheReason() throws Exception {
        List<String> others = List.of(
                deletion("ops2", "u-bulk-1"),
                deletion("ops2", "u-bulk-2"),
                deletion("ops2", "u-bulk-3"),
                deletion("ops2", "u-bulk-4"));
        String own = deletion("ops", "u-bulk-5");
        for (String id : others) {
            api.awaitStatus(id, "AWAITING_APPROVAL");
        }
        api.awaitStatus(own, "AWAITING_APPROVAL");

        browser.loginAs("ops");
        browser.open("/console/queue?type=DELETION&status=AWAITING_APPROVAL");
        for (String id : List.of(others.get(0), others.get(1), own, others.get(2), others.get(3))) {
            browser.driver()
                    .findElement(By.cssSelector("input[name=ids][value='" + id + "']"))
                    .click();
        }
        browser.screenshot("queue");
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + dsrflow.httpPort()
                                        + "/console/queue.csv?type=DELETION&status=AWAITING_APPROVAL"))
                                .header(
                                        "Cookie",
                                        "DSRFLOW_CONSOLE="
                                                + browser.driver()
                                                        .manage()
                                                        .getCookieNamed("DSRFLOW_CONSOLE")
                                                        .getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).as("the queue's CSV export").isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("requests.csv"));
        assertThat(csv.body())
                .as("every filtered request in the CSV")
                .contains(others)
                .contains(own);
        browser.driver()
                .findElement(By.cssSelector("button[name=decision][value=approve]"))
                .click();

        assertThat(bulkSummary()).isEqualTo("4 approved, 1 refused.");
        WebElement refused = browser.driver().findElement(By.cssSelector("tr[data-request='" + own + "']"));
        assertThat(refused.getAttribute("data-ok")).isEqualTo("false");
        assertThat(refused.getText()).contains("The requester cannot approve their own request (four eyes)");
        for (String id : others) {
            assertThat(browser.driver()
                            .findElement(By.cssSelector("tr[data-request='" + id + "']"))
                            .getAttribute("data-ok"))
                    .isEqualTo("true");
            assertThat(api.get("/v1/requests/" + id, "auditor")
                            .path("approvedBy")
                            .asText())
                    .isEqualTo("ops");
        }
        assertThat(api.get("/v1/requests/" + own, "auditor").path("status").asText())
                .isEqualTo("AWAITING_APPROVAL");
        browser.assertAccessible("bulk result");
        browser.assertEveryControlReachableByKeyboard();
        browser.screenshot("bulk");
    }

    @Test
    @Order(3)
    void legalPlacesAHoldADeletionWaitsOnItAndCompletesOnceLegalReleasesIt() throws Exception {
        browser.loginAs("legal");
        browser.open("/console/file");
        assertThat(new Select(browser.driver().findElement(By.id("type")))
                        .getOptions().stream().map(WebElement::getText).toList())
                .containsExactly("PRESERVATION");
        browser.driver().findElement(By.id("userId")).sendKeys("u-hold-1");
        browser.driver()
                .findElement(By.cssSelector("input[name=products][value=messaging]"))
                .click();
        new Select(browser.driver().findElement(By.id("kind"))).selectByValue("LITIGATION_HOLD");
        browser.driver().findElement(By.id("reference")).sendKeys("case-2026-0077");
        browser.driver().findElement(By.id("file-submit")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/console/requests/"));
        String hold = requestIdInUrl();
        api.awaitStatus(hold, "AWAITING_APPROVAL");

        browser.loginAs("legal2");
        browser.open("/console/requests/" + hold);
        browser.tabTo("button[data-action=approve]");
        browser.type(Keys.ENTER);
        browser.waitUntil(
                d -> !d.findElements(By.cssSelector("dialog#d-approve[open]")).isEmpty());
        browser.tabTo("dialog[open] button[type=submit]");
        browser.andWaitForNextPage(() -> browser.type(Keys.ENTER));
        assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("Approved.");
        api.awaitStatus(hold, "ACTIVE");

        String deletion = api.file("ops", """
                {"type":"DELETION","subject":{"userId":"u-hold-1"},"jurisdiction":"GDPR",
                 "products":["messaging","profile"]}""");
        api.awaitStatus(deletion, "AWAITING_APPROVAL");
        api.approve(deletion, "ops2");
        api.awaitStatus(deletion, "WAITING_ON_HOLD");

        browser.loginAs("legal");
        browser.open("/console/holds");
        WebElement row = browser.driver().findElement(By.cssSelector("#holds tr[data-request='" + hold + "']"));
        assertThat(row.getText()).contains(deletion.substring(0, 8)).contains("messaging");
        browser.assertAccessible("holds");
        browser.assertEveryControlReachableByKeyboard();
        browser.screenshot("holds");

        browser.open("/console/requests/" + hold);
        browser.driver()
                .findElement(By.cssSelector("button[data-action=renew]"))
                .click();
        browser.script("document.getElementById('d-renew-until').value = '2031-06-01T00:00';");
        browser.driver().findElement(By.id("d-renew-reason")).sendKeys("Litigation extended");
        browser.andWaitForNextPage(() -> browser.driver()
                .findElement(By.cssSelector("dialog#d-renew button[type=submit]"))
                .click());
        assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("Hold renewed.");
        assertThat(api.get("/v1/requests/" + hold, "auditor")
                        .path("holdExpiresAt")
                        .asText())
                .isEqualTo("2031-06-01T00:00:00Z");

        browser.open("/console/holds");
        browser.tabTo("#release-" + hold);
        browser.type(Keys.ENTER);
        browser.waitUntil(d -> !d.findElements(By.cssSelector("dialog#d-release-" + hold + "[open]"))
                .isEmpty());
        browser.type("Case settled; hold lifted by counsel");
        browser.tabTo("dialog[open] button[type=submit]");
        browser.andWaitForNextPage(() -> browser.type(Keys.ENTER));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/holds");
        assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("Hold released.");
        api.awaitStatus(hold, "RELEASED");
        JsonNode done = api.awaitStatus(deletion, "COMPLETED");
        assertThat(done.path("products").findValuesAsText("status")).doesNotContain("DEFERRED");
    }

    @Test
    @Order(4)
    void anAuditorSeesVerifiedEvidenceRefusesATamperedCertificateAndCannotAct() throws Exception {
        String deletion = deletion("ops", "u-audit-1");
        api.awaitStatus(deletion, "AWAITING_APPROVAL");
        api.approve(deletion, "ops2");
        JsonNode completed = api.awaitStatus(deletion, "COMPLETED");
        String download = api.file("ops", """
                {"type":"DOWNLOAD","subject":{"userId":"u-audit-2"},"jurisdiction":"CCPA","products":["profile"]}""");
        api.awaitStatus(download, "COMPLETED");

        browser.loginAs("auditor");
        browser.open("/console/requests/" + deletion);
        assertThat(browser.text(By.id("chain-status"))).startsWith("✓ Chain verified");
        assertThat(browser.text(By.id("certificate-status"))).startsWith("✓ Certificate valid");
        assertThat(browser.present(By.id("actions")))
                .as("no actions for an auditor")
                .isFalse();
        assertThat(browser.all(By.cssSelector("button[data-action]"))).isEmpty();

        browser.open("/console/requests/" + download);
        assertThat(browser.present(By.id("package-link")))
                .as("no live download link for an auditor")
                .isFalse();
        assertThat(browser.driver().getPageSource()).doesNotContain("/v1/packages/");
        assertThat(browser.all(By.cssSelector("button[data-action]"))).isEmpty();

        browser.open("/console/evidence?id=" + deletion);
        assertThat(browser.text(By.id("certificate-status"))).startsWith("✓ Certificate valid");
        assertThat(browser.text(By.id("chain-status"))).startsWith("✓ Chain verified");
        paste(tampered(completed.path("certificate")));
        assertThat(browser.text(By.id("pasted-status"))).startsWith("✗ Certificate refused");
        browser.assertAccessible("evidence");
        browser.assertEveryControlReachableByKeyboard();
        browser.screenshot("evidence");
        paste(completed.path("certificate").toString());
        assertThat(browser.text(By.id("pasted-status"))).startsWith("✓ Certificate valid");

        browser.loginAs("ops");
        browser.open("/console/requests/" + download);
        assertThat(browser.present(By.id("package-link")))
                .as("privacy-ops gets the package")
                .isTrue();
    }

    @Test
    @Order(5)
    void formsWithoutTheSessionsCsrfTokenAndCrossSiteFormPostsToTheApiAreRefused() throws Exception {
        String id = deletion("ops", "u-csrf-1");
        api.awaitStatus(id, "AWAITING_APPROVAL");
        browser.loginAs("ops2");
        String session = "DSRFLOW_CONSOLE="
                + browser.driver().manage().getCookieNamed("DSRFLOW_CONSOLE").getValue();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + dsrflow.httpPort();

        assertThat(postForm(http, base + "/console/requests/" + id + "/act/approve", session))
                .as("a console form without the CSRF token")
                .isEqualTo(403);
        assertThat(postForm(http, base + "/v1/requests/" + id + "/approve", session))
                .as("a form post to the API with the session cookie")
                .isEqualTo(415);
        assertThat(api.get("/v1/requests/" + id, "auditor").path("status").asText())
                .isEqualTo("AWAITING_APPROVAL");

        browser.andWaitForNextPage(() -> browser.driver()
                .findElement(By.cssSelector(".who button[type=submit]"))
                .click());
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/login");
        HttpResponse<String> afterLogout = http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/requests/" + id))
                        .header("Cookie", session)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterLogout.statusCode()).as("the session ended at logout").isEqualTo(401);

        browser.driver().findElement(By.id("username")).sendKeys("ops2");
        browser.driver().findElement(By.id("password")).sendKeys("not-the-password");
        browser.andWaitForNextPage(() -> browser.driver()
                .findElement(By.cssSelector("form button[type=submit]"))
                .click());
        assertThat(browser.text(By.id("login-error"))).isEqualTo("Unknown user name or wrong password.");
    }

    @Test
    @Order(6)
    void everyPageIsAccessibleAndEveryControlIsReachableByKeyboard() throws Exception {
        String access = api.file("ops", """
                {"type":"ACCESS","subject":{"userId":"u-a11y-1"},"jurisdiction":"GDPR","products":["profile"]}""");
        String pending = deletion("ops", "u-a11y-2");
        api.awaitStatus(access, "COMPLETED");
        api.awaitStatus(pending, "AWAITING_APPROVAL");

        browser.driver().manage().deleteAllCookies();
        browser.open("/console/queue");
        assertThat(browser.driver().getCurrentUrl())
                .as("no session: the login form")
                .endsWith("/console/login");
        browser.assertAccessible("login");
        browser.assertEveryControlReachableByKeyboard();
        browser.screenshot("login");

        browser.loginAs("ops2");
        for (String page : List.of("queue", "file", "products", "overview", "evidence")) {
            browser.open("/console/" + page);
            browser.assertAccessible(page);
            browser.assertEveryControlReachableByKeyboard();
            if (List.of("products", "overview").contains(page)) {
                browser.screenshot(page);
            }
        }
        browser.open("/console/products");
        assertThat(browser.all(By.cssSelector("#product-registry tbody tr")))
                .hasSize(api.get("/v1/products", "ops").size());
        assertThat(browser.text(By.cssSelector("tr[data-product=support-tickets]")))
                .contains("manual");
        browser.open("/console/overview");
        long awaiting = api.get("/v1/requests?status=AWAITING_APPROVAL&size=1", "ops")
                .path("total")
                .asLong();
        assertThat(browser.driver().findElement(By.id("chart-status-desc")).getAttribute("textContent"))
                .contains("AWAITING_APPROVAL: " + awaiting + ".");
        assertThat(Long.parseLong(browser.text(By.id("completed-30d")))).isGreaterThanOrEqualTo(3);
        for (String id : List.of(access, pending)) {
            browser.open("/console/requests/" + id);
            browser.assertAccessible("request");
            browser.assertEveryControlReachableByKeyboard();
        }
        browser.tabTo("button[data-action=reject]");
        browser.type(Keys.ENTER);
        browser.waitUntil(
                d -> !d.findElements(By.cssSelector("dialog#d-reject[open]")).isEmpty());
        browser.assertAccessible("request with its reason dialog open");
        browser.type(Keys.ESCAPE);
        browser.waitUntil(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
        browser.open("/console/requests/" + access + "/report");
        assertThat(browser.driver().getPageSource()).doesNotContain("u-a11y-1");
    }

    @Test
    @Order(7)
    void opsExtendsADueDateRetriesAndSkipsFailedProductsAndCancelsADeletionThroughTheirReasonDialogs()
            throws Exception {
        String toRetry;
        String toSkip;
        try (var outage = contentStoreDown()) {
            toRetry = access("u-actions-1");
            toSkip = access("u-actions-2");
            api.awaitProduct(toRetry, "content", "FAILED");
            api.awaitProduct(toSkip, "content", "FAILED");
        }
        String toCancel = deletion("ops2", "u-actions-3");
        api.awaitStatus(toCancel, "AWAITING_APPROVAL");
        String due = api.get("/v1/requests/" + toRetry, "auditor").path("dueAt").asText();

        browser.loginAs("ops");
        browser.open("/console/requests/" + toRetry);
        act("extend", null, "The subject sent more identifiers; the request is complex");
        assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("Due date extended.");
        assertThat(browser.text(By.id("facts"))).contains("extended");
        assertThat(browser.present(By.cssSelector("#act-extend[disabled]")))
                .as("a due date extends once")
                .isTrue();
        assertThat(browser.text(By.id("why-extend"))).isEqualTo("The due date was already extended once");
        assertThat(api.get("/v1/requests/" + toRetry, "auditor").path("dueAt").asText())
                .isGreaterThan(due);

        assertThat(productStatus("content")).isEqualTo("FAILED");
        act("retry", "content", null);
        assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("Retrying: content.");
        browser.waitUntil(d -> List.of("DONE", "NO_DATA").contains(productStatus("content"))
                && "COMPLETED".equals(d.findElement(By.id("request-status")).getAttribute("data-status")));

        browser.open("/console/requests/" + toSkip);
        act("skip", "content", "The product holds no data of this subject (confirmed by its team)");
        assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("Skipped: content.");
        browser.waitUntil(d -> productStatus("content").equals("SKIPPED")
                && "COMPLETED".equals(d.findElement(By.id("request-status")).getAttribute("data-status")));
        browser.assertAccessible("request after a product was skipped");

        browser.open("/console/requests/" + toCancel);
        act("cancel", null, "Filed twice by mistake");
        assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("Cancelled.");
        browser.waitUntil(
                d -> "CANCELLED".equals(d.findElement(By.id("request-status")).getAttribute("data-status")));
        assertThat(browser.text(By.id("timeline"))).contains("CANCELLED").contains("ops");

        assertThat(actorsOf(toRetry)).contains("EXTENDED ops", "PRODUCT_RETRY ops");
        assertThat(actorsOf(toSkip)).contains("PRODUCT_SKIPPED ops");
        assertThat(actorsOf(toCancel)).contains("CANCELLED ops");
    }

    @Test
    @Order(8)
    void theQueueSortsByItsColumnHeadersKeepingTheFiltersAndShowsProductsDone() throws Exception {
        browser.loginAs("ops");
        browser.open("/console/queue?type=ACCESS");
        browser.andWaitForNextPage(
                () -> browser.driver().findElement(By.id("sort-dueAt")).click());
        assertThat(browser.driver().getCurrentUrl()).contains("type=ACCESS").contains("sort=dueAt");
        assertThat(browser.driver()
                        .findElement(By.id("sort-dueAt"))
                        .findElement(By.xpath(".."))
                        .getAttribute("aria-sort"))
                .isEqualTo("ascending");
        List<String> shown = browser.all(By.cssSelector("#bulk tbody tr[data-request]")).stream()
                .map(row -> row.getAttribute("data-request"))
                .toList();
        List<String> byDue = ids(api.get("/v1/requests?type=ACCESS&sort=dueAt&size=25", "ops"));
        assertThat(shown).hasSizeGreaterThanOrEqualTo(2).isEqualTo(byDue);
        for (JsonNode item :
                api.get("/v1/requests?type=ACCESS&sort=dueAt&size=25", "ops").path("items")) {
            assertThat(browser.text(
                            By.cssSelector("tr[data-request='" + item.path("id").asText() + "'] td[data-products]")))
                    .isEqualTo(item.path("productsDone").asInt() + "/"
                            + item.path("productsTotal").asInt());
        }
        browser.assertAccessible("queue sorted by due date");
        browser.assertEveryControlReachableByKeyboard();

        browser.andWaitForNextPage(
                () -> browser.driver().findElement(By.id("sort-dueAt")).click());
        assertThat(browser.driver().getCurrentUrl()).contains("sort=-dueAt");
        assertThat(browser.all(By.cssSelector("#bulk tbody tr[data-request]")).stream()
                        .map(row -> row.getAttribute("data-request"))
                        .toList())
                .isEqualTo(ids(api.get("/v1/requests?type=ACCESS&sort=-dueAt&size=25", "ops")));
        browser.open("/console/queue?sort=soonest");
        assertThat(browser.text(By.cssSelector(".flash.error"))).contains("sort");
    }

    /** Opens an action's reason dialog, types the reason (if any) and submits it; waits for the next page. */
    private static void act(String action, String product, String reason) {
        String button =
                "button[data-action=" + action + "]" + (product == null ? "" : "[data-product=" + product + "]");
        browser.driver().findElement(By.cssSelector(button)).click();
        browser.waitUntil(d ->
                !d.findElements(By.cssSelector("dialog#d-" + action + "[open]")).isEmpty());
        if (reason != null) {
            browser.driver().findElement(By.id("d-" + action + "-reason")).sendKeys(reason);
        }
        browser.andWaitForNextPage(() -> browser.driver()
                .findElement(By.cssSelector("dialog#d-" + action + " button[type=submit]"))
                .click());
    }

    /** The content product's store is unreachable until closed: its accounts table is renamed away. */
    private static AutoCloseable contentStoreDown() throws Exception {
        javax.sql.DataSource db = dsrflow.context().getBean(javax.sql.DataSource.class);
        sql(db, "alter table product_content.accounts rename to accounts_offline");
        return () -> sql(db, "alter table product_content.accounts_offline rename to accounts");
    }

    private static void sql(javax.sql.DataSource db, String statement) throws java.sql.SQLException {
        try (var c = db.getConnection();
                var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String access(String userId) throws Exception {
        return file("ops", "ACCESS", userId, List.of("content", "profile"));
    }

    /** "KIND actor" of every event of the request's history. */
    private static List<String> actorsOf(String id) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : api.get("/v1/requests/" + id + "/history", "auditor").path("events")) {
            out.add(e.path("kind").asText() + " " + e.path("actor").asText());
        }
        return out;
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new java.util.ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("id").asText()));
        return out;
    }

    /** Posts "reason=forged" as a form with only the session cookie; answers the status. */
    private static int postForm(HttpClient http, String url, String session) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", session)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("reason=forged"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void paste(String certificate) {
        WebElement box = browser.driver().findElement(By.id("certificate"));
        box.clear();
        browser.script("arguments[0].value = arguments[1];", box, certificate);
        browser.andWaitForNextPage(() -> browser.driver()
                .findElement(By.cssSelector("form[action='/console/evidence/verify'] button[type=submit]"))
                .click());
    }

    /** The certificate with what it attests changed, its signature left as it was. */
    private static String tampered(JsonNode certificate) throws IOException {
        ObjectNode copy = certificate.deepCopy();
        if (copy.hasNonNull("jws")) {
            String[] parts = copy.path("jws").asText().split("\\.");
            ObjectNode payload =
                    (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            payload.put("subjectKey", "sk-someone-else");
            parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload));
            copy.put("jws", String.join(".", parts));
        } else {
            ((ObjectNode) copy.path("evidence")).put("approvedBy", "mallory");
        }
        assertThat(copy).isNotEqualTo(certificate);
        return copy.toString();
    }

    private static String deletion(String user, String userId) throws Exception {
        return file(user, "DELETION", userId, List.of("profile"));
    }

    private static String file(String user, String type, String userId, List<String> products) throws Exception {
        return api.file(
                user,
                JSON.writeValueAsString(Map.of(
                        "type",
                        type,
                        "subject",
                        Map.of("userId", userId),
                        "jurisdiction",
                        "GDPR",
                        "products",
                        products)));
    }

    private static String productStatus(String product) {
        return browser.driver()
                .findElement(By.cssSelector("#products tr[data-product='" + product + "'] [data-status]"))
                .getAttribute("data-status");
    }

    private static String eventActor(JsonNode history, String kind) {
        for (JsonNode e : history.path("events")) {
            if (kind.equals(e.path("kind").asText())) {
                return e.path("actor").asText();
            }
        }
        return null;
    }

    private static String requestIdInUrl() {
        String url = browser.driver().getCurrentUrl();
        return url.substring(url.indexOf("/console/requests/") + "/console/requests/".length())
                .replaceAll("[?#].*$", "");
    }
    /** The summary of a bulk decision: the decision posts a form, so it is read once the answer's page shows it. */
    private String bulkSummary() {
        return browser.waitUntil(d -> d.findElements(By.id("bulk-summary")).isEmpty()
                ? null
                : d.findElement(By.id("bulk-summary")).getText());
    }
}
