package dev.dsrflow.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.RecordedCatalogue;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodecTest {
    private static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 =
            "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private static RequestSpec spec() {
        return new RequestSpec(
                "r1",
                RequestType.DELETION,
                new SubjectIdentifiers("u-0001", "user0001@example.com", null),
                "sk-1",
                Jurisdiction.GDPR,
                List.of("profile"),
                Set.of(),
                DateRange.ALL,
                null,
                null,
                "ops",
                Instant.parse("2026-01-31T00:00:00Z"),
                null,
                RequestPolicy.DEFAULT,
                RecordedCatalogue.NONE);
    }

    @Test
    void encryptedPayloadsHideTheSubjectAndRoundTrip() {
        DataConverter converter = EncryptedDataConverter.create(CodecKeys.parse(K1));
        Optional<io.temporal.api.common.v1.Payloads> payloads = converter.toPayloads(spec());
        Payload p = payloads.orElseThrow().getPayloads(0);
        assertThat(p.getData().toString(StandardCharsets.ISO_8859_1)).doesNotContain("user0001");
        assertThat(p.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k1");
        RequestSpec back = converter.fromPayloads(0, payloads, RequestSpec.class, RequestSpec.class);
        assertThat(back).isEqualTo(spec());
    }

    @Test
    void payloadsWrittenUnderAnOldKeyStillDecryptAfterRotation() {
        var old = EncryptedDataConverter.create(CodecKeys.parse(K1)).toPayloads(spec());
        DataConverter rotated = EncryptedDataConverter.create(CodecKeys.parse(K2 + "," + K1));
        assertThat(rotated.fromPayloads(0, old, RequestSpec.class, RequestSpec.class))
                .isEqualTo(spec());
    }

    @Test
    void sealedSpecsRoundTripAndNeedTheirKey() {
        byte[] sealed = new SealedSpecs(CodecKeys.parse(K1)).seal(spec());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("user0001");
        assertThat(new SealedSpecs(CodecKeys.parse(K2 + "," + K1)).open(sealed)).isEqualTo(spec());
        assertThatThrownBy(() -> new SealedSpecs(CodecKeys.parse(K2)).open(sealed))
                .hasMessageContaining("unknown codec key id");
    }

    @Test
    void malformedKeysAreRefusedWithAReason() {
        assertThatThrownBy(() -> CodecKeys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[7])))
                .hasMessageContaining("16, 24 or 32 bytes");
        assertThatThrownBy(() -> CodecKeys.parse("nokey")).hasMessageContaining("id:base64key");
    }
}
