package dev.dsrflow.workflow.holds;

import java.util.List;

/** A deletion asks which of its products are held, and waits on those. */
public record DeletionRegistration(String requestId, List<String> products) {}
