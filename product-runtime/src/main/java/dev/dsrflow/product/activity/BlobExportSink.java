package dev.dsrflow.product.activity;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.product.ExportSink;
import java.io.IOException;
import java.io.OutputStream;

/** Export files of one product, written under {@code <stagingPrefix>/<product>/} in the blob store. */
final class BlobExportSink implements ExportSink {
    private final BlobStore blobs;
    private final String folder;

    BlobExportSink(BlobStore blobs, String stagingPrefix, String product) {
        if (stagingPrefix == null || stagingPrefix.isBlank()) {
            throw new IllegalArgumentException("an export needs a staging prefix");
        }
        this.blobs = blobs;
        this.folder = stripTrailingSlash(stagingPrefix) + "/" + product + "/";
    }

    @Override
    public OutputStream open(String relativePath) throws IOException {
        if (relativePath == null
                || relativePath.isBlank()
                || relativePath.startsWith("/")
                || relativePath.contains("\\")
                || relativePath.matches("(.*/)?\\.\\.(/.*)?")) {
            throw new IllegalArgumentException("export file paths are relative and stay inside the product folder");
        }
        return blobs.create(folder + relativePath);
    }

    /** The blob key of a file this sink wrote. */
    String keyOf(String relativePath) {
        return folder + relativePath;
    }

    private static String stripTrailingSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
