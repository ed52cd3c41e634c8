package dev.dsrflow.workflow;

/** The one place that builds workflow ids. Ids carry request ids and subject keys only. */
public final class WorkflowIds {
    private WorkflowIds() {}

    /** The workflow id of a request. */
    public static String request(String requestId) {
        return "dsr-" + requestId;
    }

    /**
     * The workflow id of one batch of a request's product step: the request's workflow id, the
     * step, which time this step was split in this request, and the batch's index.
     */
    public static String productBatch(String requestWorkflowId, String step, int round, int index) {
        return requestWorkflowId + "/" + step + "-" + round + "/b" + index;
    }

    /** The workflow id of a subject's hold registry. */
    public static String holds(String subjectKey) {
        return "holds-" + subjectKey;
    }
}
