package dev.dsrflow.product;

import java.util.List;

/** What {@code export} wrote: each file with its SHA-256 and item count. */
public record ExportManifest(List<ExportedFile> files) {
    public ExportManifest {
        files = List.copyOf(files);
    }

    public long totalItems() {
        return files.stream().mapToLong(ExportedFile::items).sum();
    }
}
