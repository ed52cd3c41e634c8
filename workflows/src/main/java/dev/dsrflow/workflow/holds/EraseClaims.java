package dev.dsrflow.workflow.holds;

import java.util.List;

/**
 * One deletion's erase claims on some of its subject's products: asked for before erasing
 * ({@link HoldRegistryWorkflow#claimErases}), released once the erases ended
 * ({@link HoldRegistryWorkflow#releaseClaims}).
 *
 * @param subjectKey the subject, whose registry ({@code holds-<subjectKey>}) answers
 * @param requestId the deletion request
 * @param products the products concerned
 */
public record EraseClaims(String subjectKey, String requestId, List<String> products) {}
