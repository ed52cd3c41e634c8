package dev.dsrflow.workflow.holds;

import java.util.List;

/** Signal from the registry to a waiting deletion: these products are no longer held. */
public record HoldsLifted(List<String> products) {}
