package dev.dsrflow.workflow.lifecycle;

import java.util.List;

/** What a batch child workflow returns: one outcome per product, in the batch's order. */
public record ProductBatchResult(List<BatchOutcome> outcomes) {}
