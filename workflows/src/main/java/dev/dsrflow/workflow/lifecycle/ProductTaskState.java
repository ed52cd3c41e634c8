package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.ledger.ProductSnapshot;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.product.activity.ProductStepResult;
import java.time.Instant;

/** One product's part of a request, as the workflow tracks it. Mutated only by workflow code. */
public final class ProductTaskState {
    private final String product;
    private ProductTaskStatus status;
    private int attempts;
    private Instant updatedAt;
    private String detail;
    private ProductStepResult result;
    private boolean retryRequested;

    public ProductTaskState(String product, ProductTaskStatus status, Instant at, String detail) {
        this.product = product;
        this.status = status;
        this.updatedAt = at;
        this.detail = detail;
    }

    public String product() {
        return product;
    }

    public ProductTaskStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String detail() {
        return detail;
    }

    public ProductStepResult result() {
        return result;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Moves the task to a status with a note, at the given (workflow) time. */
    public void moveTo(ProductTaskStatus next, String note, Instant at) {
        this.status = next;
        this.detail = note;
        this.updatedAt = at;
    }

    public void recordResult(ProductStepResult stepResult) {
        this.result = stepResult;
    }

    public void countAttempt() {
        attempts++;
    }

    /** An operator asked to run a FAILED task again. */
    public void requestRetry() {
        retryRequested = true;
    }

    /** Consumes a pending retry request; true when there was one. */
    public boolean takeRetryRequest() {
        boolean was = retryRequested;
        retryRequested = false;
        return was;
    }

    public boolean retryRequested() {
        return retryRequested;
    }

    public ProductSnapshot snapshot() {
        return new ProductSnapshot(product, status, attempts, updatedAt, detail, result);
    }

    /**
     * As {@link #snapshot}, without the step's result: status, attempts, time and the detail
     * (which states the step's counts, and a preservation's digest).
     */
    public ProductSnapshot compactSnapshot() {
        return new ProductSnapshot(product, status, attempts, updatedAt, detail, null);
    }
}
