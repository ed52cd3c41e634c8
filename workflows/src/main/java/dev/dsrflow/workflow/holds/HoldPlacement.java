package dev.dsrflow.workflow.holds;

import java.time.Instant;
import java.util.List;

/**
 * A preservation places a hold on some of a subject's products.
 *
 * @param holdId the hold (the preservation's request id)
 * @param requestId the preservation request
 * @param products products the hold covers
 * @param until when the hold lapses on its own (null: until released)
 */
public record HoldPlacement(String holdId, String requestId, List<String> products, Instant until) {}
