package dev.dsrflow.workflow.holds;

/** A deletion asks to start (or reports it finished) erasing one product. */
public record EraseClaim(String requestId, String product) {}
