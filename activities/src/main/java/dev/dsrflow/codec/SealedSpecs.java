package dev.dsrflow.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dsrflow.model.RequestSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a {@link RequestSpec} for the ledger (AES-GCM under the codec keys, key id inside), so
 * the ledger can re-drive a lost workflow without ever storing identifiers in the clear.
 */
public final class SealedSpecs {
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;

    private final CodecKeys keys;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final SecureRandom random = new SecureRandom();

    public SealedSpecs(CodecKeys keys) {
        this.keys = keys;
    }

    /** Encrypts the spec. */
    public byte[] seal(RequestSpec spec) {
        try {
            byte[] plain = json.writeValueAsBytes(spec);
            byte[] keyId = keys.currentId().getBytes(StandardCharsets.UTF_8);
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(2 + keyId.length + IV_BYTES + sealed.length)
                    .put(FORMAT)
                    .put((byte) keyId.length)
                    .put(keyId)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal request spec", e);
        }
    }

    /** Decrypts a sealed spec. */
    public RequestSpec open(byte[] sealed) {
        try {
            ByteBuffer in = ByteBuffer.wrap(sealed);
            if (in.get() != FORMAT) {
                throw new IllegalArgumentException("unknown sealed-spec format");
            }
            byte[] keyId = new byte[in.get()];
            in.get(keyId);
            SecretKey key = keys.byId(new String(keyId, StandardCharsets.UTF_8));
            if (key == null) {
                throw new IllegalStateException("sealed with an unknown codec key id");
            }
            byte[] iv = new byte[IV_BYTES];
            in.get(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] plain = cipher.doFinal(sealed, in.position(), in.remaining());
            return json.readValue(plain, RequestSpec.class);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open sealed request spec", e);
        }
    }
}
