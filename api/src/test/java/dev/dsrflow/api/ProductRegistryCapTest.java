package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many products a request may name is decided by the product registry, not by a constant. */
@MicronautTest
class ProductRegistryCapTest extends ApiTestSupport {
    private static final int REGISTERED = 150;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        for (String id : many()) {
            properties.put("dsrflow.products." + id + ".display-name", "Service " + id);
            properties.put("dsrflow.products." + id + ".categories", "PROFILE");
            properties.put("dsrflow.products." + id + ".capabilities", "LOCATE,EXPORT,ERASE,VERIFY");
            // handled by an operator: the test's Temporal runs workers for the demo products only
            properties.put("dsrflow.products." + id + ".automated", "false");
        }
        return properties;
    }

    @Test
    void aRequestMayNameMoreThanAHundredRegisteredProducts() {
        Answer a = post("/v1/requests", access(many()), "ops");

        assertThat(a.status()).as(a.body()).isEqualTo(201);
        String id = a.json().path("id").asText();
        assertThat(count("select count(*) from ledger.requests where id = '" + id + "'"))
                .isEqualTo(1);
    }

    @Test
    void anUnknownProductAmongThemIsStillRefusedByItsPosition() {
        List<String> products = new ArrayList<>(many());
        products.add("not-registered");

        JsonNode problem = post("/v1/requests", access(products), "ops").problem(400);

        assertThat(problem.toString()).contains("products[" + REGISTERED + "]").contains("unknown product");
        assertThat(problem.toString()).doesNotContain("at most");
    }

    private static List<String> many() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= REGISTERED; i++) {
            ids.add("svc-" + i);
        }
        return ids;
    }

    private static String access(List<String> products) {
        return "{\"type\": \"ACCESS\", \"subject\": {\"userId\": \"" + SUBJECT_USER + "\"}, \"jurisdiction\": \"GDPR\","
                + " \"products\": [\"" + String.join("\", \"", products) + "\"]}";
    }
}
