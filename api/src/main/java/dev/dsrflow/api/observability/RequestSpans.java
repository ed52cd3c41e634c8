package dev.dsrflow.api.observability;

import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.WorkflowTypes;
import io.opentracing.Tracer;
import io.temporal.opentracing.SpanBuilderProvider;
import io.temporal.opentracing.SpanCreationContext;

/**
 * Names Temporal spans {@code <operation>:<workflow or activity type>} and tags them with the
 * request id and type only. Temporal's default tags the workflow id, which for a hold registry
 * is {@code holds-<subjectKey>}: a subject key never goes into a span.
 */
final class RequestSpans implements SpanBuilderProvider {
    static final String REQUEST_ID = "dsrflow.request.id";
    static final String REQUEST_TYPE = "dsrflow.request.type";
    private static final String REQUEST_PREFIX = "dsr-";

    @Override
    public Tracer.SpanBuilder createSpanBuilder(Tracer tracer, SpanCreationContext context) {
        Tracer.SpanBuilder span =
                tracer.buildSpan(context.getSpanOperationType().getDefaultPrefix() + ":" + context.getActionName());
        String requestId = requestId(context.getWorkflowId());
        if (requestId != null) {
            span.withTag(REQUEST_ID, requestId);
        }
        String type = requestType(context.getActionName());
        if (type != null) {
            span.withTag(REQUEST_TYPE, type);
        }
        return span;
    }

    /** The request id in a request's (or its product batch's) workflow id; null for any other. */
    static String requestId(String workflowId) {
        if (workflowId == null || !workflowId.startsWith(REQUEST_PREFIX)) {
            return null;
        }
        int end = workflowId.indexOf('/');
        return workflowId.substring(REQUEST_PREFIX.length(), end < 0 ? workflowId.length() : end);
    }

    private static String requestType(String workflowType) {
        for (RequestType type : RequestType.values()) {
            if (WorkflowTypes.of(type).equals(workflowType)) {
                return type.name();
            }
        }
        return null;
    }
}
