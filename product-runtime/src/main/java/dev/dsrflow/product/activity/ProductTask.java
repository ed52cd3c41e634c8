package dev.dsrflow.product.activity;

import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.SubjectRef;

/**
 * Input of one product activity call.
 *
 * @param requestId the request this work belongs to
 * @param product product id
 * @param subject who the call is about
 * @param scope categories and dates
 * @param format export format (EXPORT only)
 * @param stagingPrefix blob-store prefix for export files (EXPORT only)
 * @param holdId hold id (PRESERVE and RELEASE only)
 */
public record ProductTask(
        String requestId,
        String product,
        SubjectRef subject,
        ProductScope scope,
        ExportFormat format,
        String stagingPrefix,
        String holdId) {}
