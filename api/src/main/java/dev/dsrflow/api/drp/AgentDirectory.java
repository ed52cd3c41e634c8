package dev.dsrflow.api.drp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The authorized agents dsrflow trusts: those of the service directory's {@code agents.json}
 * (when configured) and those configured under {@code dsrflow.drp.agents}. An agent of the file
 * without configured callback domains may call back to its {@code web_url}'s host.
 */
@Singleton
@Requires(property = "dsrflow.drp.business-id")
class AgentDirectory {
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");

    private final Map<String, Agent> agents = new LinkedHashMap<>();

    AgentDirectory(DrpSettings settings, List<AgentEntry> entries) {
        if (settings.agentsFile() != null && !settings.agentsFile().isBlank()) {
            for (Agent agent : readFile(Path.of(settings.agentsFile()), entries)) {
                agents.put(agent.id(), agent);
            }
        }
        for (AgentEntry entry : entries) {
            Agent fromFile = agents.get(entry.agentId());
            if (entry.verifyKey() == null || entry.verifyKey().isBlank()) {
                if (fromFile == null) {
                    throw new IllegalStateException("dsrflow.drp.agents." + entry.name() + ".verify-key is required");
                }
                continue; // its callback domains were applied to the file's entry
            }
            agents.put(
                    entry.agentId(),
                    new Agent(
                            entry.agentId(),
                            verifyKey(entry.verifyKey(), entry.agentId()),
                            domains(entry.callbackDomains())));
        }
    }

    /** The ids of the agents dsrflow trusts. */
    List<String> ids() {
        return List.copyOf(agents.keySet());
    }

    /** The agent of this id, if dsrflow trusts it. */
    Optional<Agent> find(String agentId) {
        return Optional.ofNullable(agentId == null ? null : agents.get(agentId));
    }

    private static List<Agent> readFile(Path file, List<AgentEntry> entries) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DRP agents file " + file, e);
        }
        JsonNode list = root.isArray() ? root : root.path("agents");
        List<Agent> out = new ArrayList<>();
        for (JsonNode node : list) {
            String id = node.path("id").asText(null);
            String key = node.path("verify_key").asText(null);
            if (id == null || key == null) {
                throw new IllegalStateException("an entry of " + file + " lacks its id or verify_key");
            }
            List<String> domains = entries.stream()
                    .filter(e -> e.agentId().equals(id) && e.callbackDomains() != null)
                    .findFirst()
                    .map(e -> domains(e.callbackDomains()))
                    .orElseGet(() -> webHost(node.path("web_url").asText(null)));
            out.add(new Agent(id, verifyKey(key, id), domains));
        }
        return out;
    }

    private static List<String> webHost(String webUrl) {
        if (webUrl == null) {
            return List.of();
        }
        String host = URI.create(webUrl).getHost();
        return host == null ? List.of() : List.of(host.toLowerCase(Locale.ROOT));
    }

    private static List<String> domains(List<String> configured) {
        return configured == null
                ? List.of()
                : configured.stream()
                        .map(d -> d.trim().toLowerCase(Locale.ROOT))
                        .filter(d -> !d.isEmpty())
                        .toList();
    }

    /**
     * An Ed25519 public key from its raw 32 bytes, given in hex (as configured) or base64 (as DRP 0.9.1+
     * publishes it).
     */
    static PublicKey verifyKey(String encoded, String agentId) {
        String text = encoded.trim();
        byte[] raw;
        try {
            raw = HEX_KEY.matcher(text).matches()
                    ? HexFormat.of().parseHex(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the verify key of agent " + agentId + " is neither hex nor base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("the verify key of agent " + agentId + " is not 32 bytes");
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the verify key of agent " + agentId + " is not an Ed25519 key", e);
        }
    }
}
