package dev.dsrflow.blob;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path dir;

    private FileSystemBlobStore store;

    @BeforeEach
    void create() {
        store = new FileSystemBlobStore(dir);
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void aKeyCannotEscapeTheStore() {
        assertThatThrownBy(() -> store.create("../outside")).hasMessageContaining("escapes");
    }
}
