package dev.dsrflow.report;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Builds the access report (GDPR Art. 15): what each product holds on the subject, joined with
 * the policy's data map (purposes, recipients, retention per information category). Runs on
 * the orchestrator's task queue and stores the report in the blob store as JSON and HTML.
 */
@ActivityInterface(namePrefix = "AccessReport")
public interface AccessReportActivities {
    /** Writes {@code reports/<requestId>.json} and {@code .html}; returns where and a summary. */
    @ActivityMethod
    AccessReportRef build(AccessReportInput input);
}
