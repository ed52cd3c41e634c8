package dev.dsrflow.workflow.holds;

import java.util.List;

/**
 * The registry's answer to an erase claim.
 *
 * @param granted true: no hold covers the product and the erase may start now
 * @param heldBy the holds covering the product when refused (the deletion now waits on them)
 */
public record EraseClaimResult(boolean granted, List<String> heldBy) {}
