package dev.dsrflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.conformance.MemoryExportSink;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PermanentHandlerException;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoProductsTest {
    private static DataSource db;
    private static Map<String, ProductHandler> handlers;

    @BeforeAll
    static void installEveryDemoProduct() {
        db = TestDatabase.fresh();
        DemoProducts.install(db);
        handlers = DemoProducts.all(db).stream()
                .collect(Collectors.toMap(h -> h.descriptor().id(), Function.identity()));
    }

    private static SubjectRef subject(String userId, String email, String phone) {
        return new SubjectRef(new SubjectIdentifiers(userId, email, phone), "sk-test");
    }

    private static long rows(String table) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theDemoCatalogueHasEightAutomatedProductsAndTheManualSupportTickets() {
        assertThat(handlers.keySet())
                .containsExactlyInAnyOrder(
                        "profile",
                        "content",
                        "messaging",
                        "connections",
                        "commerce",
                        "ads",
                        "device-telemetry",
                        "partner-data",
                        "support-tickets");
        assertThat(DemoProducts.settings())
                .extracting(ProductSettings::id)
                .containsExactlyInAnyOrderElementsOf(handlers.keySet());
        for (ProductSettings s : DemoProducts.settings()) {
            assertThat(s.descriptor()).isEqualTo(handlers.get(s.id()).descriptor());
            assertThat(s.maxAttempts()).isGreaterThan(1);
            assertThat(s.heartbeatTimeout()).isLessThan(s.startToCloseTimeout());
            assertThat(s.maxTasksPerSecond()).isPositive();
        }
        ProductDescriptor manual = handlers.get("support-tickets").descriptor();
        assertThat(manual.automated()).isFalse();
        assertThat(manual.capabilities()).isEmpty();
    }

    @Test
    void everySeededSubjectIsFoundByUserIdEmailOrPhone() {
        ProductHandler messaging = handlers.get("messaging");

        long byUserId = messaging
                .locate(subject("u-0003", null, null), ProductScope.EVERYTHING)
                .totalItems();

        assertThat(byUserId).isEqualTo(12);
        assertThat(messaging
                        .locate(subject(null, "USER0003@example.com", null), ProductScope.EVERYTHING)
                        .totalItems())
                .isEqualTo(byUserId);
        assertThat(messaging
                        .locate(subject(null, null, "+1 555 000 0003"), ProductScope.EVERYTHING)
                        .totalItems())
                .isEqualTo(byUserId);
        assertThat(messaging
                        .locate(subject("u-1000", null, null), ProductScope.EVERYTHING)
                        .isEmpty())
                .isFalse();
        assertThat(messaging
                        .locate(subject("u-1001", null, null), ProductScope.EVERYTHING)
                        .isEmpty())
                .isTrue();
    }

    @Test
    void seededItemsAreSpreadOverSeveralYears() throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select min(created_at), max(created_at) from product_content.posts")) {
            rs.next();
            Duration span =
                    Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class));
            assertThat(span).isGreaterThan(Duration.ofDays(3 * 365));
        }
        Inventory one = handlers.get("content").locate(subject("u-0042", null, null), ProductScope.EVERYTHING);
        assertThat(one.categories())
                .allSatisfy(c ->
                        assertThat(Duration.between(c.earliest(), c.latest())).isGreaterThan(Duration.ofDays(365)));
    }

    @Test
    void installingAgainChangesNothing() throws SQLException {
        long before = rows("product_ads.ad_events") + rows("product_profile.accounts");

        DemoProducts.install(db);

        assertThat(rows("product_ads.ad_events") + rows("product_profile.accounts"))
                .isEqualTo(before);
        assertThat(rows("product_profile.accounts")).isEqualTo(1000);
    }

    @Test
    void seedingIsDeterministic() {
        DataSource other = TestDatabase.fresh();
        DemoProducts.install(other, DemoProducts.definition("commerce"));
        ProductHandler again = new DemoProductHandler(other, DemoProducts.definition("commerce"));
        SubjectRef who = subject("u-0777", null, null);

        ExportManifest first = handlers.get("commerce")
                .export(who, ProductScope.EVERYTHING, ExportFormat.JSON, new MemoryExportSink(), Progress.none());
        ExportManifest second =
                again.export(who, ProductScope.EVERYTHING, ExportFormat.JSON, new MemoryExportSink(), Progress.none());

        assertThat(second.files()).isNotEmpty().isEqualTo(first.files());
    }

    @Test
    void exportWritesRealJsonAndHtmlPerCategory() throws Exception {
        SubjectRef who = subject("u-0010", null, null);
        MemoryExportSink json = new MemoryExportSink();
        MemoryExportSink html = new MemoryExportSink();
        ProductHandler content = handlers.get("content");

        ExportManifest manifest =
                content.export(who, ProductScope.EVERYTHING, ExportFormat.JSON, json, Progress.none());
        content.export(who, ProductScope.EVERYTHING, ExportFormat.HTML, html, Progress.none());

        assertThat(manifest.files())
                .extracting(f -> f.path())
                .containsExactlyInAnyOrder("content.json", "activity.json");
        JsonNode posts = new ObjectMapper().readTree(json.bytes("content.json"));
        assertThat(posts.get("category").asText()).isEqualTo("CONTENT");
        assertThat(posts.get("items")).hasSize(10);
        assertThat(posts.get("items").get(0).get("body").asText()).startsWith("Post ");
        assertThat(posts.get("items").get(0).has("restricted")).isFalse();
        String page = new String(html.bytes("content.html"), StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<th>body</th>", "10 items");
    }

    @Test
    void theManualProductRefusesEveryCallAsManual() {
        ProductHandler tickets = handlers.get("support-tickets");
        SubjectRef who = subject("u-0001", null, null);
        List<Runnable> calls = List.of(
                () -> tickets.locate(who, ProductScope.EVERYTHING),
                () -> tickets.export(
                        who, ProductScope.EVERYTHING, ExportFormat.JSON, new MemoryExportSink(), Progress.none()),
                () -> tickets.restrict(who, ProductScope.EVERYTHING),
                () -> tickets.unrestrict(who, ProductScope.EVERYTHING),
                () -> tickets.erase(who, ProductScope.EVERYTHING, Progress.none()),
                () -> tickets.verifyErased(who, ProductScope.EVERYTHING),
                () -> tickets.preserve(who, ProductScope.EVERYTHING, "h"),
                () -> tickets.release(who, "h"));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run)
                    .isInstanceOf(PermanentHandlerException.class)
                    .satisfies(e ->
                            assertThat(((PermanentHandlerException) e).reason()).isEqualTo("MANUAL_PRODUCT"));
        }
    }
}
