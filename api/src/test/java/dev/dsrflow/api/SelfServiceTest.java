package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import dev.dsrflow.api.testing.Mails;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The privacy center's JSON API and page, against the real workflows and a real SMTP server. */
@MicronautTest
class SelfServiceTest extends ApiTestSupport {
    @Inject
    GreenMail smtp;

    @Override
    protected List<String> identifiersNeverLogged() {
        return List.of(SUBJECT_EMAIL, "grace.hopper@example.com", "new.person@example.com", "limit@example.com");
    }

    private static String ask(String type, String email) {
        return "{\"type\": \"" + type + "\", \"email\": \"" + email + "\", \"jurisdiction\": \"GDPR\"}";
    }

    private List<MimeMessage> mailsTo(String address, int atLeast) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Mails.to(smtp.getReceivedMessages(), address).size() >= atLeast);
        return Mails.to(smtp.getReceivedMessages(), address);
    }

    @Test
    void aPersonFilesVerifiesAndFollowsTheirRequest() {
        Answer filed = post("/v1/subject-requests", ask("ACCESS", "grace.hopper@example.com"), null);
        assertThat(filed.status()).as(filed.body()).isEqualTo(202);
        String id = filed.json().path("id").asText();
        assertThat(filed.json().path("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        awaitStatus(id, "AWAITING_VERIFICATION");

        MimeMessage codeMail = mailsTo("grace.hopper@example.com", 1).get(0);
        assertThat(Mails.subject(codeMail)).isEqualTo("Your verification code");
        assertThat(Mails.part(codeMail, "text/html")).contains("<strong>");
        String code = Mails.code(codeMail);

        JsonNode wrong = post("/v1/subject-requests/" + id + "/verify", "{\"code\": \"" + other(code) + "\"}", null)
                .problem(400);
        assertThat(wrong.path("errors").get(0).path("field").asText()).isEqualTo("code");
        assertThat(wrong.path("detail").asText()).contains("4 tries left");

        Answer verified = post("/v1/subject-requests/" + id + "/verify", "{\"code\": \"" + code + "\"}", null);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().path("status").asText()).isEqualTo("IN_PROGRESS");

        MimeMessage ack = mailsTo("grace.hopper@example.com", 2).get(1);
        assertThat(Mails.subject(ack)).isEqualTo("We received your access request");
        String statusLink = Mails.link(ack, "http://localhost:");
        String path = URI.create(statusLink).getRawPath() + "?"
                + URI.create(statusLink).getRawQuery();
        Answer status = get(path, null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("id").asText()).isEqualTo(id);
        assertThat(status.json().has("products")).isFalse();
        Answer page = call(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE));
        assertThat(page.body()).contains("<h1>Your request</h1>").doesNotContain("grace.hopper");
        get("/v1/subject-requests/" + id + "?token=forged", null).problem(404);

        assertThat(get("/v1/requests/" + id + "/history", "auditor").body())
                .contains("VERIFIED")
                .doesNotContain("grace.hopper")
                .doesNotContain(code);
    }

    @Test
    void everyAddressGetsTheSameAnswerWhetherOrNotItHasAnAccount() {
        Answer known = post("/v1/subject-requests", ask("DELETION", SUBJECT_EMAIL), null);
        Answer unknown = post("/v1/subject-requests", ask("DELETION", "new.person@example.com"), null);
        assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(202);
        assertThat(known.json().fieldNames())
                .toIterable()
                .containsExactlyElementsOf(() -> unknown.json().fieldNames());
        assertThat(known.json().path("status")).isEqualTo(unknown.json().path("status"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        JsonNode p = post("/v1/subject-requests", "{\"type\": \"PRESERVATION\", \"email\": \"not an address\"}", null)
                .problem(400);
        assertThat(p.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("type", "email", "jurisdiction");
        post(
                        "/v1/subject-requests",
                        "{\"type\": \"ACCESS\", \"email\": \"a@example.com\", \"jurisdiction\": \"GDPR\","
                                + " \"userId\": \"x\"}",
                        null)
                .problem(400);
        post("/v1/subject-requests/" + "no-such-request" + "/verify", "{\"code\": \"12345\"}", null)
                .problem(400);
        post("/v1/subject-requests/no-such-request/verify", "{\"code\": \"123456\"}", null)
                .problem(404);
        String huge = "{\"type\": \"ACCESS\", \"email\": \"" + "a".repeat(5000)
                + "@example.com\", \"jurisdiction\": \"GDPR\"}";
        post("/v1/subject-requests", huge, null).problem(413);
    }

    @Test
    void anAddressThatFilesTooOftenIsRateLimited() {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/v1/subject-requests", ask("ACCESS", "limit@example.com"), null)
                            .status())
                    .isEqualTo(202);
        }
        post("/v1/subject-requests", ask("ACCESS", "limit@example.com"), null).problem(429);
    }

    @Test
    void thePrivacyCenterIsAPlainForm() {
        Answer page = call(HttpRequest.GET("/privacy").accept(MediaType.TEXT_HTML_TYPE));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"en\">")
                .contains("<label for=\"email\">")
                .contains("action=\"/privacy/request\"");
        Answer filed = call(
                HttpRequest.POST("/privacy/request", "type=ACCESS&email=new.person%40example.com&jurisdiction=CCPA")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertThat(filed.status()).isEqualTo(200);
        assertThat(filed.body()).contains("Enter your code").doesNotContain("new.person");
        Answer refused = call(HttpRequest.POST("/privacy/request", "type=ACCESS&email=nope&jurisdiction=CCPA")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"").contains("email: must be one e-mail address");
    }

    private static String other(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
