package dev.dsrflow.api.drp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Where a status callback may go: an {@code https} URL on one of the agent's callback domains
 * (or a sub-domain); plain {@code http} only to the loopback host, and only where a test
 * configuration allows it.
 */
final class CallbackTargets {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private CallbackTargets() {}

    /** The URL, checked; a refusal naming {@code status_callback} otherwise. */
    static URI check(Agent agent, String url, boolean allowLoopbackHttp) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw DrpRefusal.invalid("status_callback", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw DrpRefusal.invalid("status_callback", "must be an absolute URL with a host and no credentials");
        }
        boolean secure =
                scheme.equals("https") || (scheme.equals("http") && allowLoopbackHttp && LOOPBACK.contains(host));
        if (!secure) {
            throw DrpRefusal.invalid("status_callback", "must be an https URL");
        }
        if (agent.callbackDomains().stream().noneMatch(d -> host.equals(d) || host.endsWith("." + d))) {
            throw DrpRefusal.invalid("status_callback", "is not within the agent's callback domains");
        }
        return uri;
    }
}
