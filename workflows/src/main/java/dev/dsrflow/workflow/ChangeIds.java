package dev.dsrflow.workflow;

/**
 * The one place that declares the change ids of {@code Workflow.getVersion} guards, each with a
 * line saying what changed. Empty until the first release: before it there is one code path per
 * feature, a change to a workflow's commands re-records the histories under
 * {@code src/test/resources/histories} instead. From the first release on, a change to a command
 * sequence takes an id here and keeps the old histories replaying (docs/architecture.md).
 */
public final class ChangeIds {
    private ChangeIds() {}
}
