package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsrflow.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Configured users keep bcrypt hashes of their passwords, never the passwords. */
class ConfiguredUsersTest {

    @Test
    void aPlainPasswordWhereTheHashBelongsStopsTheStartNamingTheProperty() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", ((PGSimpleDataSource) TestDatabase.fresh()).getUrl());
        properties.put("micronaut.server.port", -1);
        properties.put("dsrflow.security.users.bob.password-hash", "bob");
        properties.put("dsrflow.security.users.bob.roles", "AUDITOR");
        assertThatThrownBy(() -> {
                    try (ApplicationContext context = ApplicationContext.builder()
                            .deduceEnvironment(false)
                            .properties(properties)
                            .start()) {
                        context.getBean(io.micronaut.context.env.Environment.class);
                    }
                })
                .hasStackTraceContaining("dsrflow.security.users.bob.password-hash is not a bcrypt hash");
    }

    @Test
    void noConfigurationHoldsAUsersPasswordInPlainText() throws IOException {
        for (String file : new String[] {"application.yml", "application-test.yml", "application-oidc.yml"}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).as(file).doesNotContainPattern("(?m)^\\s+\\w+: \\{ ?password:");
            }
        }
    }
}
