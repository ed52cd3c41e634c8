package dev.dsrflow.workflow.holds;

import java.util.List;

/**
 * A deletion about to erase: for each of its products, claim the erase when no hold covers it,
 * otherwise register the deletion as waiting on it. One Update for the whole deletion.
 *
 * @param requestId the deletion request
 * @param products the products it is about to erase
 */
public record DeletionClaims(String requestId, List<String> products) {}
