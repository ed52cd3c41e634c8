package dev.dsrflow.workflow;

import java.time.Instant;

/** Legal renews a preservation until a new instant. */
public record Renewal(String actor, Instant until, String reason) {}
