package dev.dsrflow.report;

/**
 * Where the access report was stored, and its headline numbers.
 *
 * @param jsonBlob blob key of the machine-readable report
 * @param htmlBlob blob key of the readable report
 * @param totalItems items found across products
 * @param categories distinct information categories found
 */
public record AccessReportRef(String jsonBlob, String htmlBlob, long totalItems, int categories) {}
