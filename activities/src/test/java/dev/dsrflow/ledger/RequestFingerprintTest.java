package dev.dsrflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {
    private static final byte[] BODY =
            "{\"subject\":{\"email\":\"a@example.com\"},\"type\":\"ACCESS\"}".getBytes(StandardCharsets.UTF_8);
    private final RequestFingerprint fingerprint =
            new RequestFingerprint("subject-key-secret-of-32-bytes!!".getBytes(StandardCharsets.UTF_8));

    @Test
    void theSameBodyFromTheSameFilerHasTheSameFingerprintAndNothingElseDoes() {
        assertThat(fingerprint.of("ops", BODY)).isEqualTo(fingerprint.of("ops", BODY));
        assertThat(fingerprint.of("ops2", BODY)).isNotEqualTo(fingerprint.of("ops", BODY));
        assertThat(new RequestFingerprint("another-subject-key-secret-32-by".getBytes(StandardCharsets.UTF_8))
                        .of("ops", BODY))
                .isNotEqualTo(fingerprint.of("ops", BODY));
    }

    @Test
    void whoeverGuessesTheIdentifiersCannotConfirmThemWithoutTheSecret() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("ops".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        String bareDigest = HexFormat.of().formatHex(sha.digest(BODY));
        assertThat(fingerprint.of("ops", BODY)).isNotEqualTo(bareDigest);
    }
}
