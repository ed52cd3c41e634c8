package dev.dsrflow.packaging;

import java.util.List;

/**
 * The {@code manifest.json} at the root of a package: every file with its SHA-256, and counts.
 *
 * @param requestId the download request
 * @param subjectKey pseudonymous key of the subject
 * @param format export format
 * @param products per product: its folder, status and files
 * @param totalFiles exported files in the package
 * @param totalItems exported items in the package
 */
public record PackageManifest(
        String requestId, String subjectKey, String format, List<Folder> products, int totalFiles, long totalItems) {

    /** One product's folder. */
    public record Folder(String product, String displayName, String status, long items, List<Entry> files) {}

    /** One file, by its path inside the zip. */
    public record Entry(String path, long bytes, String sha256, long items) {}
}
