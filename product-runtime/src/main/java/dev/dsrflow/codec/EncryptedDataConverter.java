package dev.dsrflow.codec;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;

/** The data converter every dsrflow client and worker uses: JSON, then AES-GCM. */
public final class EncryptedDataConverter {
    private EncryptedDataConverter() {}

    /** JSON payloads encrypted with the given keys; failure messages and stack traces too. */
    public static DataConverter create(CodecKeys keys) {
        return new CodecDataConverter(
                DefaultDataConverter.newDefaultInstance(), List.of(new AesGcmPayloadCodec(keys)), true);
    }
}
