package dev.dsrflow.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default runtime's secrets, one per purpose: created once under the data directory with
 * owner-only permissions, then reused, so encrypted payloads, subject keys, links and certificates
 * stay valid across restarts. A secret given in the environment wins and is never written to disk.
 */
final class LocalSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {}

    /** Properties for every secret that the environment does not already configure. */
    static Map<String, Object> resolve(Path dataDir, Map<String, String> env) {
        Path dir = dataDir.resolve("secrets");
        Map<String, Object> props = new LinkedHashMap<>();
        if (!env.containsKey("DSRFLOW_CODEC_KEYS")) {
            props.put(
                    "dsrflow.secrets.codec-keys",
                    readOrCreate(dir.resolve("codec.keys"), () -> "local-1:" + randomBase64()));
        }
        if (!env.containsKey("DSRFLOW_SUBJECT_KEY_SECRET")) {
            props.put(
                    "dsrflow.secrets.subject-key-secret",
                    readOrCreate(dir.resolve("subject-key.secret"), LocalSecrets::randomBase64));
        }
        if (!env.containsKey("DSRFLOW_LINK_SECRET")) {
            props.put(
                    "dsrflow.secrets.link-secret",
                    readOrCreate(dir.resolve("link.secret"), LocalSecrets::randomBase64));
        }
        if (!env.containsKey("DSRFLOW_CERTIFICATE_KEYS")) {
            props.put(
                    "dsrflow.secrets.certificate-keys",
                    readOrCreate(dir.resolve("certificate.keys"), () -> "local-1:" + randomBase64()));
        }
        return props;
    }

    private static String readOrCreate(Path file, java.util.function.Supplier<String> create) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            trySetOwnerOnly(file.getParent(), "rwx------");
            String value = create.get();
            Path tmp = Files.createTempFile(file.getParent(), "new", ".tmp");
            trySetOwnerOnly(tmp, "rw-------");
            Files.writeString(tmp, value, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create secret " + file, e);
        }
    }

    private static void trySetOwnerOnly(Path path, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException notPosix) {
            // a non-POSIX file system: permissions follow the directory's ACLs
        }
    }

    private static String randomBase64() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
