package dev.dsrflow.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dsrflow.model.RequestSpec;
import java.io.IOException;

/**
 * Seals a {@link RequestSpec} for the ledger (AES-GCM under the codec keys, key id inside), so
 * the ledger can re-drive a lost workflow without ever storing identifiers in the clear.
 */
public final class SealedSpecs {
    private final Sealing sealing;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public SealedSpecs(CodecKeys keys) {
        this.sealing = new Sealing(keys);
    }

    /** Encrypts the spec. */
    public byte[] seal(RequestSpec spec) {
        try {
            return sealing.seal(json.writeValueAsBytes(spec));
        } catch (IOException e) {
            throw new IllegalStateException("cannot seal request spec", e);
        }
    }

    /** Decrypts a sealed spec. */
    public RequestSpec open(byte[] sealed) {
        try {
            return json.readValue(sealing.open(sealed), RequestSpec.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open sealed request spec", e);
        }
    }
}
