package dev.dsrflow.workflow.holds;

import java.util.List;

/**
 * A deletion reports that its claimed erases of these products finished (erased, failed, or
 * completed by hand): their claims are released.
 *
 * @param requestId the deletion request
 * @param products the products whose claims end
 */
public record FinishedErases(String requestId, List<String> products) {}
