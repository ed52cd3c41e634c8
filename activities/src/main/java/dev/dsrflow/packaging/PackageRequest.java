package dev.dsrflow.packaging;

import dev.dsrflow.model.ExportFormat;
import java.time.Instant;
import java.util.List;

/**
 * What to package.
 *
 * @param requestId the download request
 * @param subjectKey pseudonymous key of the subject (printed in the index, never identifiers)
 * @param format the export format the products used
 * @param products what each product exported
 * @param linkExpiresAt when the download link stops working
 */
public record PackageRequest(
        String requestId,
        String subjectKey,
        ExportFormat format,
        List<ProductExport> products,
        Instant linkExpiresAt) {}
