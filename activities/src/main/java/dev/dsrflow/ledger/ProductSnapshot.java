package dev.dsrflow.ledger;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.product.activity.ProductStepResult;
import java.time.Instant;

/** The state of one product's part of a request, as the API shows it. */
public record ProductSnapshot(
        String product,
        ProductTaskStatus status,
        int attempts,
        Instant updatedAt,
        String detail,
        ProductStepResult result) {}
