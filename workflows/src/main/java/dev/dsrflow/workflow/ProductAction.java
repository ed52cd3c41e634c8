package dev.dsrflow.workflow;

/** An operator's action on one product of a request (retry, complete, skip). */
public record ProductAction(String actor, String product, String reason) {}
