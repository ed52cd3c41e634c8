package dev.dsrflow.api.security;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks HTTP Basic credentials against the users in configuration. */
@Singleton
class ConfiguredUsersAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredUsersAuthenticationProvider.class);

    private final Map<String, ConfiguredUser> users;

    ConfiguredUsersAuthenticationProvider(List<ConfiguredUser> users) {
        this.users = users.stream().collect(Collectors.toMap(ConfiguredUser::name, Function.identity()));
    }

    @EventListener
    void announce(StartupEvent event) {
        if (!users.isEmpty()) {
            LOG.info(
                    "HTTP Basic users from configuration (dsrflow.security.users): {}",
                    users.values().stream()
                            .map(u -> u.name() + " " + u.roles())
                            .sorted()
                            .toList());
        }
    }

    @Override
    public AuthenticationResponse authenticate(
            HttpRequest<B> request, AuthenticationRequest<String, String> authentication) {
        ConfiguredUser user = users.get(authentication.getIdentity());
        if (user == null || user.password() == null || !sameSecret(user.password(), authentication.getSecret())) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return AuthenticationResponse.success(
                user.name(), user.roles(), Map.of(ProductAccess.ATTRIBUTE, user.products()));
    }

    private static boolean sameSecret(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
