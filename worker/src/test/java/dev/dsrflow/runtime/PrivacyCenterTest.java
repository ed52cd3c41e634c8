package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.notification.DemoMailbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A person reaches dsrflow on the default runtime: files through the privacy center, reads the
 * code from the embedded SMTP server, verifies, and receives the acknowledgement and the outcome
 * with a working download link; five wrong codes lock a code; an expired code is refused; the
 * address is in no log line, URL, ledger event or plaintext history payload.
 */
class PrivacyCenterTest {
    private static final Pattern CODE = Pattern.compile("^\\s+(\\d{6})\\s*$", Pattern.MULTILINE);

    @TempDir
    static Path dataDir;

    private static Dsrflow dsrflow;
    private static ApiClient api;
    private static int port;
    private static DemoMailbox mailbox;
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        dsrflow = Dsrflow.start(
                ProcessRole.ALL,
                Map.of(),
                Map.of(
                        "dsrflow.data-dir", dataDir.toString(),
                        "dsrflow.embedded.temporal-port", LocalPorts.next(),
                        "dsrflow.embedded.temporal-ui-port", 0,
                        "micronaut.server.port", LocalPorts.next(),
                        "dsrflow.policy.verification-code-ttl", "PT20S"));
        port = dsrflow.httpPort();
        api = new ApiClient(port);
        mailbox = dsrflow.context().getBean(DemoMailbox.class);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        if (dsrflow != null) {
            dsrflow.close();
        }
    }

    private static List<DemoMailbox.Mail> mailsTo(String address, int atLeast) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> mailbox.received().stream()
                                .filter(m -> m.to().equals(address))
                                .toList(),
                        mails -> mails.size() >= atLeast);
    }

    private static String code(DemoMailbox.Mail mail) {
        Matcher m = CODE.matcher(mail.text());
        assertThat(m.find()).as(mail.text()).isTrue();
        return m.group(1);
    }

    private static String link(DemoMailbox.Mail mail, String marker) {
        Matcher m = Pattern.compile("http://localhost:\\d+" + Pattern.quote(marker) + "\\S+")
                .matcher(mail.text());
        assertThat(m.find()).as(mail.text()).isTrue();
        return m.group();
    }

    private static String fileAsSubject(String type, String email) throws Exception {
        ApiClient.Answer filed = api.post(
                "/v1/subject-requests",
                null,
                "{\"type\":\"" + type + "\",\"email\":\"" + email + "\",\"jurisdiction\":\"GDPR\"}");
        assertThat(filed.status()).as(filed.raw()).isEqualTo(202);
        assertThat(filed.body().path("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        return filed.body().path("id").asText();
    }

    private static ApiClient.Answer verify(String id, String code) throws Exception {
        return api.post("/v1/subject-requests/" + id + "/verify", null, "{\"code\":\"" + code + "\"}");
    }

    @Test
    void aPersonFilesVerifiesAndDownloadsTheirDataThroughTheLinkMailedToThem() throws Exception {
        String email = "user0042@example.com";
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/privacy"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/privacy/request\">");

        String id = fileAsSubject("DOWNLOAD", email);
        DemoMailbox.Mail codeMail = mailsTo(email, 1).get(0);
        assertThat(codeMail.subject()).isEqualTo("Your verification code");
        String code = code(codeMail);
        assertThat(verify(id, code.equals("000000") ? "111111" : "000000").status())
                .isEqualTo(400);
        ApiClient.Answer verified = verify(id, code);
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);

        DemoMailbox.Mail ack = mailsTo(email, 2).get(1);
        assertThat(ack.subject()).isEqualTo("We received your download request");
        String statusLink = link(ack, "/v1/subject-requests/" + id + "?token=");
        ApiClient.Answer status = api.get(
                URI.create(statusLink).getRawPath() + "?"
                        + URI.create(statusLink).getRawQuery(),
                null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().path("dueAt").asText()).isNotBlank();

        // privacy-ops complete the manual product's task by hand, as they would for any request
        for (JsonNode product : api.get("/v1/products", "ops").body()) {
            if (!product.path("automated").asBoolean()) {
                String path =
                        "/v1/requests/" + id + "/products/" + product.path("id").asText() + "/complete";
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> api.post(path, "ops", "{\"reason\":\"exported by hand\"}")
                                        .status()
                                == 200);
            }
        }
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> api.get("/v1/requests/" + id, "ops")
                                .body()
                                .path("status")
                                .asText(),
                        "COMPLETED"::equals);
        DemoMailbox.Mail outcome = mailsTo(email, 3).get(2);
        assertThat(outcome.subject()).isEqualTo("Your data is ready to download");
        String download = link(outcome, "/v1/packages/");
        HttpResponse<byte[]> zip = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(download)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.body()).startsWith(0x50, 0x4b); // a zip

        // the address is in no ledger event, no URL, no plaintext history payload, no log line
        String history = api.get("/v1/requests/" + id + "/history", "auditor").raw();
        assertThat(history).contains("VERIFIED").doesNotContain(email).doesNotContain(code);
        String temporal =
                api.get("/v1/requests/" + id + "/history/temporal", "auditor").raw();
        assertThat(temporal).doesNotContain(email).doesNotContain("user0042");
        assertThat(statusLink + download).doesNotContain("user0042");
        assertThat(sealedContactIsCiphertext(id, email)).isTrue();
        assertThat(List.copyOf(logs.list))
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains(email));
    }

    @Test
    void fiveWrongCodesLockTheCodeAndAnExpiredCodeIsRefused() throws Exception {
        String email = "user0043@example.com";
        String id = fileAsSubject("ACCESS", email);
        String code = code(mailsTo(email, 1).get(0));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            ApiClient.Answer answer = verify(id, wrong);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("detail").asText()).contains(left + " tries left");
        }
        ApiClient.Answer locked = verify(id, code);
        assertThat(locked.status()).as(locked.raw()).isEqualTo(410);
        assertThat(locked.body().path("detail").asText()).contains("locked");

        assertThat(api.post("/v1/subject-requests/" + id + "/resend", null, "").status())
                .isEqualTo(202);
        DemoMailbox.Mail freshMail = mailsTo(email, 2).get(1);
        String fresh = code(freshMail);
        // the policy here gives a code 20 seconds: wait them out in real time
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Instant.now().isAfter(freshMail.receivedAt().plusSeconds(21)));
        ApiClient.Answer expired = verify(id, fresh);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body().path("detail").asText()).contains("expired");
        JsonNode view = api.get("/v1/requests/" + id, "ops").body();
        assertThat(view.path("status").asText()).isEqualTo("AWAITING_VERIFICATION");
    }

    private static boolean sealedContactIsCiphertext(String id, String email) throws Exception {
        DataSource db = dsrflow.context().getBean(DataSource.class);
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select contact_ciphertext from ledger.requests where id = '" + id.replace("'", "") + "'")) {
            rs.next();
            byte[] sealed = rs.getBytes(1);
            return sealed != null && !new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains(email);
        }
    }
}
