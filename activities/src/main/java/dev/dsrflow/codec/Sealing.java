package dev.dsrflow.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM under the codec keys, the key id inside the sealed bytes (so a rotated key still
 * opens what it sealed): what the ledger keeps of a request's spec and its contact address.
 */
public final class Sealing {
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;

    private final CodecKeys keys;
    private final SecureRandom random = new SecureRandom();

    public Sealing(CodecKeys keys) {
        this.keys = keys;
    }

    /** Encrypts {@code plain} under the current key. */
    public byte[] seal(byte[] plain) {
        try {
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
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal", e);
        }
    }

    /** Decrypts what {@link #seal} sealed. */
    public byte[] open(byte[] sealed) {
        try {
            ByteBuffer in = ByteBuffer.wrap(sealed);
            if (in.get() != FORMAT) {
                throw new IllegalArgumentException("unknown sealed format");
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
            return cipher.doFinal(sealed, in.position(), in.remaining());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open sealed bytes", e);
        }
    }
}
