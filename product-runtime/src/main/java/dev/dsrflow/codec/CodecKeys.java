package dev.dsrflow.codec;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES keys payloads are encrypted with: one current key (used to encrypt) and any number
 * of older ones (still able to decrypt), each under a key id written into payload metadata.
 */
public final class CodecKeys {
    private final String currentId;
    private final Map<String, SecretKey> keys;

    private CodecKeys(String currentId, Map<String, SecretKey> keys) {
        if (!keys.containsKey(currentId)) {
            throw new IllegalArgumentException("current codec key id '" + currentId + "' has no key");
        }
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * Parses {@code id1:base64key1,id2:base64key2}; the first entry is the current key. Keys
     * must be 16, 24 or 32 bytes.
     */
    public static CodecKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no codec keys configured");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String first = null;
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("codec key entries look like id:base64key");
            }
            byte[] raw = Base64.getDecoder().decode(parts[1].trim());
            if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
                throw new IllegalArgumentException("codec key '" + parts[0] + "' must be 16, 24 or 32 bytes");
            }
            keys.put(parts[0].trim(), new SecretKeySpec(raw, "AES"));
            if (first == null) {
                first = parts[0].trim();
            }
        }
        return new CodecKeys(first, keys);
    }

    public String currentId() {
        return currentId;
    }

    public SecretKey current() {
        return keys.get(currentId);
    }

    /** The key with this id, or null. */
    public SecretKey byId(String id) {
        return keys.get(id);
    }
}
