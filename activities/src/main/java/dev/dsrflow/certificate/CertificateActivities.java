package dev.dsrflow.certificate;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Issues deletion certificates. Runs on the orchestrator's task queue, where the signing
 * secret is configured; workflows never see the secret.
 */
@ActivityInterface(namePrefix = "Certificate")
public interface CertificateActivities {
    /** Signs the evidence; returns the certificate document (JSON) stored with the request. */
    @ActivityMethod
    String issue(DeletionEvidence evidence);
}
