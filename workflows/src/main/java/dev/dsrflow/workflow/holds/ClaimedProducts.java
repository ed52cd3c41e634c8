package dev.dsrflow.workflow.holds;

import java.util.List;

/**
 * The registry's answer to {@link EraseClaims}, given in one step.
 *
 * @param granted products whose erase claim was granted (each must be released later)
 * @param held products under a hold; the deletion now waits on them and is signalled when they
 *     are free
 * @param heldBy the holds covering the held products
 */
public record ClaimedProducts(List<String> granted, List<String> held, List<String> heldBy) {}
