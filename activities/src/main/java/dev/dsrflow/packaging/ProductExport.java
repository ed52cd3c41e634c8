package dev.dsrflow.packaging;

import dev.dsrflow.product.ExportManifest;

/**
 * One product's part of a package.
 *
 * @param product product id (its folder name in the zip)
 * @param displayName human name for the index page
 * @param status the product's final task status (DONE, NO_DATA, SKIPPED, ...)
 * @param manifest what the product says it exported (null when it exported nothing)
 */
public record ProductExport(String product, String displayName, String status, ExportManifest manifest) {}
