package dev.dsrflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One person, one key: however an identifier was typed, it normalises (and so keys) the same. */
class IdentifierNormalizerTest {
    private final IdentifierNormalizer us = new IdentifierNormalizer("US");
    private final SubjectKey keys =
            new SubjectKey("subject-key-secret-for-unit-test".getBytes(StandardCharsets.UTF_8), us);

    @ParameterizedTest
    @ValueSource(strings = {"(555) 000-0003", "555-000-0003", "555.000.0003", "+1 555 000 0003", "1 (555) 000 0003"})
    void nationalAndInternationalFormatsOfOneNumberGiveOneE164(String typed) {
        assertThat(us.phone(typed)).isEqualTo("+15550000003");
        assertThat(keys.primary(new SubjectIdentifiers(null, null, typed)))
                .isEqualTo(keys.primary(new SubjectIdentifiers(null, null, "+15550000003")));
    }

    @Test
    void aNationalNumberIsReadInTheConfiguredRegion() {
        IdentifierNormalizer uk = new IdentifierNormalizer("gb");
        assertThat(uk.defaultRegion()).isEqualTo("GB");
        assertThat(uk.phone("020 7946 0001")).isEqualTo("+442079460001");
        assertThat(uk.phone("+44 20 7946 0001")).isEqualTo("+442079460001");
        assertThat(us.phone("+44 20 7946 0001"))
                .as("a number with its country code, in any region")
                .isEqualTo("+442079460001");
        assertThat(new IdentifierNormalizer().defaultRegion()).isEqualTo("US");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999 123 4567", "12", "call me maybe"})
    void anUnreadablePhoneNumberIsRefusedNamingTheField(String typed) {
        assertThatThrownBy(() -> us.phone(typed))
                .isInstanceOf(IdentifierNormalizer.InvalidIdentifierException.class)
                .satisfies(e -> assertThat(((IdentifierNormalizer.InvalidIdentifierException) e).field())
                        .isEqualTo("phone"))
                .hasMessageNotContaining(typed);
        assertThat(us.e164(typed)).isEmpty();
    }

    @Test
    void anUnknownDefaultRegionIsAConfigurationError() {
        assertThatThrownBy(() -> new IdentifierNormalizer("XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dsrflow.subject.default-region");
    }

    @Test
    void anEmailIsTrimmedLowerCasedAndNfkcNormalised() {
        assertThat(us.email("  Ada.Lovelace@Example.COM\t")).isEqualTo("ada.lovelace@example.com");
        // fullwidth letters and an ideographic space, as a phone keyboard may type them
        assertThat(us.email("\u3000ＡＤＡ@ｅｘａｍｐｌｅ.com")).isEqualTo("ada@example.com");
        // the ligature ﬁ (U+FB01) is two letters under NFKC
        assertThat(us.email("\uFB01le@example.com")).isEqualTo("file@example.com");
        assertThat(keys.primary(new SubjectIdentifiers(null, "ＡＤＡ@ｅｘａｍｐｌｅ.com ", null)))
                .isEqualTo(keys.primary(new SubjectIdentifiers(null, "ada@example.com", null)));
    }

    @Test
    void aUserIdIsTrimmedAndKeepsItsCase() {
        assertThat(us.userId("  u-0042 ")).isEqualTo("u-0042");
        assertThat(keys.primary(new SubjectIdentifiers(" u-0042", null, null)))
                .isEqualTo(keys.primary(new SubjectIdentifiers("u-0042", null, null)))
                .isNotEqualTo(keys.primary(new SubjectIdentifiers("U-0042", null, null)));
    }

    @Test
    void theKeysAreHmacsOfKindAndValueStrongestFirst() {
        SubjectIdentifiers all = new SubjectIdentifiers("u-1", "A@example.com", "(555) 000-0003");
        assertThat(us.keyed(all)).containsExactly("user:u-1", "email:a@example.com", "phone:+15550000003");
        assertThat(keys.all(all))
                .containsExactly(keys.of("user:u-1"), keys.of("email:a@example.com"), keys.of("phone:+15550000003"));
        assertThat(keys.primary(all)).isEqualTo(keys.of("user:u-1"));
        assertThat(keys.all(new SubjectIdentifiers(null, " ", null))).isEmpty();
    }
}
