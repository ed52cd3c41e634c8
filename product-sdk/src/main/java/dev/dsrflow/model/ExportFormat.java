package dev.dsrflow.model;

/** File format of a download's per-product exports. */
public enum ExportFormat {
    JSON,
    HTML
}
