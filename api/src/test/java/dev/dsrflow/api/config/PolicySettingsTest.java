package dev.dsrflow.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The erase budget is a setting, and requests are filed under the configured one. */
class PolicySettingsTest {
    private static RequestPolicy policy(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("datasources.default.url", ((PGSimpleDataSource) TestDatabase.fresh()).getUrl());
        properties.put("micronaut.server.port", -1);
        properties.put("dsrflow.secrets.codec-keys", "test1:L3xZMhL1qmeSTwv1tI71F+PRHKZXHrJHU0693Nx9cx4=");
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(properties)
                .start()) {
            return context.getBean(RequestPolicy.class);
        }
    }

    @Test
    void theEraseBudgetIsSevenDaysUnlessConfigured() {
        assertThat(policy(Map.of()).eraseBudget()).isEqualTo(Duration.ofDays(7));
        assertThat(policy(Map.of("dsrflow.deletion.erase-budget", "14d")).eraseBudget())
                .isEqualTo(Duration.ofDays(14));
    }
}
