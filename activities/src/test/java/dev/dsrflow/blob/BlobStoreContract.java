package dev.dsrflow.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What every blob store must do; each implementation's test extends this. */
abstract class BlobStoreContract {
    protected abstract BlobStore store();

    private void put(String key, String content) throws IOException {
        try (OutputStream out = store().create(key)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private String read(String key) throws IOException {
        try (InputStream in = store().open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writtenBlobsReadBackWithTheirSize() throws IOException {
        put("packages/r1.zip", "zip-bytes");
        assertThat(store().exists("packages/r1.zip")).isTrue();
        assertThat(read("packages/r1.zip")).isEqualTo("zip-bytes");
        assertThat(store().size("packages/r1.zip")).isEqualTo(9);
    }

    @Test
    void writingAgainReplacesTheBlob() throws IOException {
        put("staging/r2/profile/a.json", "first");
        put("staging/r2/profile/a.json", "second");
        assertThat(read("staging/r2/profile/a.json")).isEqualTo("second");
    }

    @Test
    void listingAPrefixFindsEveryBlobBelowItSorted() throws IOException {
        put("staging/r3/messaging/b.json", "b");
        put("staging/r3/content/a.json", "a");
        put("staging/r30/content/x.json", "not below r3");
        assertThat(store().list("staging/r3"))
                .containsExactly("staging/r3/content/a.json", "staging/r3/messaging/b.json");
    }

    @Test
    void deletingAPrefixPurgesOnlyWhatIsBelowIt() throws IOException {
        put("staging/r4/content/a.json", "a");
        put("staging/r4/content/b.json", "b");
        put("staging/r40/content/c.json", "c");
        assertThat(store().deletePrefix("staging/r4")).isEqualTo(2);
        assertThat(store().list("staging/r4")).isEmpty();
        assertThat(store().exists("staging/r40/content/c.json")).isTrue();
        assertThat(store().deletePrefix("staging/r4")).isZero();
    }

    @Test
    void aMissingBlobDoesNotExistAndCannotBeOpened() {
        assertThat(store().exists("packages/none.zip")).isFalse();
        assertThatThrownBy(() -> store().open("packages/none.zip").close()).isInstanceOf(IOException.class);
    }
}
