package dev.dsrflow.codec;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts every Temporal payload with AES-GCM. The key id goes into the payload's metadata so
 * keys can rotate: new payloads use the current key, old ones decrypt with the key they name.
 */
public final class AesGcmPayloadCodec implements PayloadCodec {
    static final String ENCODING = "binary/encrypted";
    static final String METADATA_ENCODING = "encoding";
    static final String METADATA_KEY_ID = "encryption-key-id";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final CodecKeys keys;
    private final SecureRandom random = new SecureRandom();

    public AesGcmPayloadCodec(CodecKeys keys) {
        this.keys = keys;
    }

    @Override
    public List<Payload> encode(List<Payload> payloads) {
        return payloads.stream().map(this::encrypt).toList();
    }

    @Override
    public List<Payload> decode(List<Payload> payloads) {
        return payloads.stream().map(this::decrypt).toList();
    }

    private Payload encrypt(Payload payload) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(payload.toByteArray());
            return Payload.newBuilder()
                    .putMetadata(METADATA_ENCODING, ByteString.copyFromUtf8(ENCODING))
                    .putMetadata(METADATA_KEY_ID, ByteString.copyFromUtf8(keys.currentId()))
                    .setData(ByteString.copyFrom(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array()))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new PayloadCodecException(e);
        }
    }

    private Payload decrypt(Payload payload) {
        ByteString encoding = payload.getMetadataOrDefault(METADATA_ENCODING, ByteString.EMPTY);
        if (!ENCODING.equals(encoding.toStringUtf8())) {
            return payload;
        }
        String keyId =
                payload.getMetadataOrDefault(METADATA_KEY_ID, ByteString.EMPTY).toString(StandardCharsets.UTF_8);
        SecretKey key = keys.byId(keyId);
        if (key == null) {
            throw new PayloadCodecException("payload encrypted with unknown codec key id '" + keyId + "'");
        }
        try {
            byte[] data = payload.getData().toByteArray();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            return Payload.parseFrom(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES));
        } catch (GeneralSecurityException | com.google.protobuf.InvalidProtocolBufferException e) {
            throw new PayloadCodecException(e);
        }
    }
}
