package dev.dsrflow.workflow;

import dev.dsrflow.model.RequestType;

/**
 * The one place that names workflow types. Every request workflow's single
 * {@code @WorkflowMethod} takes a {@link dev.dsrflow.model.RequestSpec} and uses the name given
 * here, so the API can start any type by name.
 */
public final class WorkflowTypes {
    public static final String ACCESS = "AccessRequest";
    public static final String DOWNLOAD = "DownloadRequest";
    public static final String DELETION = "DeletionRequest";
    public static final String PRESERVATION = "PreservationRequest";
    public static final String HOLD_REGISTRY = "HoldRegistry";
    /** A child workflow that runs one product step for a batch of a request's products. */
    public static final String PRODUCT_BATCH = "ProductBatch";

    private WorkflowTypes() {}

    /** The workflow type that runs a request of this type. */
    public static String of(RequestType type) {
        return switch (type) {
            case ACCESS -> ACCESS;
            case DOWNLOAD -> DOWNLOAD;
            case DELETION -> DELETION;
            case PRESERVATION -> PRESERVATION;
        };
    }
}
