package dev.dsrflow.packaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.product.ExportManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Export manifests staged next to a request's export files ({@link PackageLayout#exportManifest}):
 * the product adapter writes one per export, the packager reads them when its input carries
 * references instead of manifests.
 */
public final class StagedManifests {
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StagedManifests() {}

    /** Stages a product's export manifest for a request, replacing an earlier attempt's. */
    public static void write(BlobStore blobs, String requestId, String product, ExportManifest manifest)
            throws IOException {
        byte[] content = JSON.writeValueAsBytes(manifest);
        try (OutputStream out = blobs.create(PackageLayout.exportManifest(requestId, product))) {
            out.write(content);
        }
    }

    /** The staged export manifest of a product, empty when none was staged (older product workers). */
    public static Optional<ExportManifest> read(BlobStore blobs, String requestId, String product) throws IOException {
        String key = PackageLayout.exportManifest(requestId, product);
        if (!blobs.exists(key)) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(key)) {
            return Optional.of(JSON.readValue(in.readAllBytes(), ExportManifest.class));
        }
    }
}
