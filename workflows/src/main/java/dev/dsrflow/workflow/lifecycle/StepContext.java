package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.SubjectRef;

/**
 * What a product step needs from its request, without the request's product list: the small
 * input a batch child workflow gets instead of the whole {@link RequestSpec}.
 *
 * @param requestId the request
 * @param subject who the step is about (payloads are encrypted by the data converter)
 * @param scope categories and dates
 * @param format export format (export only)
 * @param holdId the hold (preserve and release only)
 */
public record StepContext(
        String requestId, SubjectRef subject, ProductScope scope, ExportFormat format, String holdId) {

    /**
     * The context of a request's steps, about its subject as resolved ({@link RequestState#subject});
     * {@code holdId} only for preservations.
     */
    public static StepContext of(RequestState state, String holdId) {
        RequestSpec spec = state.spec();
        return new StepContext(
                spec.id(),
                new SubjectRef(state.subject(), spec.subjectKey()),
                new ProductScope(spec.categories(), spec.dateRange()),
                spec.format(),
                holdId);
    }
}
