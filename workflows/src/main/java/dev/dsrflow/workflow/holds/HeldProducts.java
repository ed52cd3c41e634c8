package dev.dsrflow.workflow.holds;

import java.util.List;

/** Products of a deletion that are under a hold; the deletion is registered as waiting on them. */
public record HeldProducts(List<String> held) {}
