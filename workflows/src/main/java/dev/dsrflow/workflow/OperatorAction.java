package dev.dsrflow.workflow;

/** An operator's action on a whole request: who, and why (required for some actions). */
public record OperatorAction(String actor, String reason) {}
