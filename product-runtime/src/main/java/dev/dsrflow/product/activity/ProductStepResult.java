package dev.dsrflow.product.activity;

import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.VerificationReport;
import java.time.Instant;

/**
 * What one product activity call produced. Exactly one of the typed results is set, matching
 * {@code step}; {@code items} is the step's headline count (found, exported, erased, residual,
 * preserved, restricted or released).
 */
public record ProductStepResult(
        String product,
        ProductStep step,
        int attempt,
        String handlerVersion,
        Instant startedAt,
        Instant finishedAt,
        long items,
        Inventory inventory,
        ExportManifest export,
        ErasureReport erasure,
        VerificationReport verification,
        PreservationReceipt receipt) {}
