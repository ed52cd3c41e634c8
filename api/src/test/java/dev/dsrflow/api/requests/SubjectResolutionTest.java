package dev.dsrflow.api.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.api.ApiTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a request is keyed on every identifier of the person. With the demo {@code profile}
 * product in the catalogue (it owns identity: RESOLVE), a request filed with an e-mail alone
 * shows the keys of the account's user id and phone number too, and a search by an identifier it
 * was not filed with finds it.
 */
@MicronautTest
class SubjectResolutionTest extends ApiTestSupport {
    /** A seeded demo subject: u-0009, user0009@example.com, +15550000009. */
    private static final String EMAIL = "user0009@example.com";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("dsrflow.products.profile.display-name", "Profile");
        properties.put("dsrflow.products.profile.categories", "PROFILE");
        properties.put("dsrflow.products.profile.capabilities", "LOCATE,RESOLVE");
        return properties;
    }

    @Override
    protected List<String> identifiersNeverLogged() {
        return List.of(EMAIL, "u-0009", "5550000009");
    }

    @Test
    void theViewShowsEveryKeyOfThePersonAndASearchByAnotherIdentifierFindsTheRequest() {
        Answer filed = post(
                "/v1/requests",
                "{\"type\": \"ACCESS\", \"subject\": {\"email\": \" User0009@Example.com\"}, \"jurisdiction\":"
                        + " \"GDPR\","
                        + " \"products\": [\"profile\", \"messaging\"]}",
                "ops");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        String filedKey = filed.json().path("subjectKey").asText();
        assertThat(keys(filed.json())).containsExactly(filedKey);

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> keys(get("/v1/requests/" + id, "auditor").json()).size() == 3);
        JsonNode view = get("/v1/requests/" + id, "auditor").json();
        assertThat(keys(view)).startsWith(filedKey).doesNotHaveDuplicates().allMatch(k -> k.startsWith("sk-"));
        assertThat(get("/v1/requests/" + id, "auditor").body()).doesNotContain("0009");

        assertThat(ids("u-0009")).as("search by the user id").contains(id);
        assertThat(ids("+1 (555) 000-0009")).as("search by the phone number").contains(id);
        assertThat(ids(EMAIL.toUpperCase()))
                .as("search by the e-mail it was filed with")
                .contains(id);
        assertThat(ids("u-0010")).as("search by someone else").doesNotContain(id);
        JsonNode listed = get("/v1/requests?subject=u-0009", "auditor")
                .json()
                .path("items")
                .get(0);
        assertThat(keys(listed)).as("list items carry the keys too").containsExactlyElementsOf(keys(view));
    }

    @Test
    void aPhoneNumberNoRegionKnowsAnswers400NamingIt() {
        Answer a = post(
                "/v1/requests",
                "{\"type\": \"ACCESS\", \"subject\": {\"phone\": \"+999 123 4567\"}, \"jurisdiction\": \"GDPR\"}",
                "ops");
        JsonNode problem = a.problem(400);
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly("subject.phone");
    }

    private List<String> ids(String subject) {
        JsonNode page = get("/v1/requests?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8), "auditor")
                .json();
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    private static List<String> keys(JsonNode view) {
        List<String> keys = new ArrayList<>();
        view.path("subjectKeys").forEach(k -> keys.add(k.asText()));
        return keys;
    }
}
