package dev.dsrflow.packaging;

import dev.dsrflow.product.ExportManifest;

/**
 * One product's part of a package. Either carries the product's export manifest inline (small
 * requests, and requests started before manifests were staged) or only says that the manifest
 * is staged at {@link PackageLayout#exportManifest}, so the packaging input stays small however
 * many products a request has.
 *
 * @param product product id (its folder name in the zip)
 * @param displayName human name for the index page
 * @param status the product's final task status (DONE, NO_DATA, SKIPPED, ...)
 * @param manifest what the product says it exported (null when it exported nothing, or when
 *     {@code manifestStaged})
 * @param manifestStaged the product exported and its manifest is to be read from the blob store
 */
public record ProductExport(
        String product, String displayName, String status, ExportManifest manifest, boolean manifestStaged) {

    /** A part that carries its manifest inline (or none, when the product exported nothing). */
    public ProductExport(String product, String displayName, String status, ExportManifest manifest) {
        this(product, displayName, status, manifest, false);
    }

    /** A part whose manifest the product adapter staged in the blob store. */
    public static ProductExport staged(String product, String displayName, String status) {
        return new ProductExport(product, displayName, status, null, true);
    }
}
