package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.product.RecordedCatalogue;
import dev.dsrflow.product.activity.ProductStep;
import java.util.List;

/**
 * Input of one batch child workflow: which step, for which of the request's products, with the
 * request's step context. Small: product ids and a reference to the request, never its whole
 * product list.
 *
 * @param step the step to run
 * @param index the batch's position among the step's batches (0-based)
 * @param context the request's step context
 * @param products the products of this batch
 * @param catalogue the request's recorded catalogue entries of these products (how to call each)
 */
public record ProductBatch(
        ProductStep step, int index, StepContext context, List<String> products, RecordedCatalogue catalogue) {}
