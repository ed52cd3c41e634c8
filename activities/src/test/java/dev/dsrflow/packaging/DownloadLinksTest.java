package dev.dsrflow.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DownloadLinksTest {
    private final DownloadLinks links = new DownloadLinks("a-secret-of-at-least-16".getBytes(StandardCharsets.UTF_8));
    private final Instant expiry = Instant.parse("2026-06-05T10:00:00Z");

    @Test
    void aTokenGrantsItsRequestUntilItExpires() {
        String token = links.issue("r-1", expiry);
        assertThat(token).doesNotContain("/", "+", "=");
        assertThat(links.verify(token, expiry.minusSeconds(1))).contains(new DownloadLinks.Grant("r-1", expiry));
        assertThat(links.verify(token, expiry)).isEmpty();
        assertThat(links.authentic(token)).isPresent();
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        String token = links.issue("r-1", expiry);
        String other = links.issue("r-2", expiry.plusSeconds(86_400));
        String spliced = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(links.verify(spliced, expiry.minusSeconds(1))).isEmpty();
        assertThat(new DownloadLinks("another-secret-16-bytes".getBytes(StandardCharsets.UTF_8))
                        .verify(token, expiry.minusSeconds(1)))
                .isEmpty();
        assertThat(links.verify("garbage", expiry)).isEmpty();
        assertThat(links.verify("a.b.c", expiry)).isEmpty();
        assertThatThrownBy(() -> new DownloadLinks(new byte[4])).isInstanceOf(IllegalArgumentException.class);
    }
}
