package dev.dsrflow.api.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks HTTP Basic credentials against the users in configuration, whose passwords are kept as
 * bcrypt hashes. Basic sends the password with every request and bcrypt is slow on purpose, so a
 * password once verified is remembered as a keyed digest (a process-local random key, never the
 * password) until another password is given for that user.
 */
@Singleton
class ConfiguredUsersAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredUsersAuthenticationProvider.class);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    private final Map<String, ConfiguredUser> users;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec digestKey;

    ConfiguredUsersAuthenticationProvider(List<ConfiguredUser> users) {
        for (ConfiguredUser user : users) {
            if (user.passwordHash() != null
                    && !BCRYPT.matcher(user.passwordHash()).matches()) {
                throw new IllegalStateException("dsrflow.security.users." + user.name()
                        + ".password-hash is not a bcrypt hash ($2a$, $2b$ or $2y$): store the hash, not the password");
            }
        }
        this.users = users.stream().collect(Collectors.toMap(ConfiguredUser::name, Function.identity()));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.digestKey = new SecretKeySpec(key, "HmacSHA256");
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
        users.values().stream()
                .filter(u -> u.passwordHash() == null)
                .forEach(u -> LOG.warn(
                        "dsrflow.security.users.{} has no password-hash (a bcrypt hash): this user cannot log in",
                        u.name()));
    }

    @Override
    public AuthenticationResponse authenticate(
            HttpRequest<B> request, AuthenticationRequest<String, String> authentication) {
        ConfiguredUser user = users.get(authentication.getIdentity());
        String given = authentication.getSecret();
        if (user == null || user.passwordHash() == null || given == null || !matches(user, given)) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return AuthenticationResponse.success(
                user.name(), user.roles(), Map.of(ProductAccess.ATTRIBUTE, user.products()));
    }

    private boolean matches(ConfiguredUser user, String given) {
        byte[] digest = digest(given);
        byte[] known = verified.get(user.name());
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        boolean ok = BCrypt.verifyer()
                .verify(
                        given.getBytes(StandardCharsets.UTF_8),
                        user.passwordHash().getBytes(StandardCharsets.UTF_8))
                .verified;
        if (ok) {
            verified.put(user.name(), digest);
        }
        return ok;
    }

    private byte[] digest(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(digestKey);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
