package dev.dsrflow.packaging;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Builds and removes download packages. Runs on the orchestrator's task queue; reads the
 * request's staging area in the blob store and writes {@code packages/<requestId>.zip}. Only
 * references and digests travel through Temporal, never file contents.
 */
@ActivityInterface(namePrefix = "Packaging")
public interface PackagingActivities {
    /**
     * Zips the staging area into one package: a folder per product, {@code manifest.json} with
     * every file's SHA-256 and the item counts, and a readable {@code index.html}; signs a link
     * token valid until the given expiry. Idempotent: rebuilding gives the same content.
     */
    @ActivityMethod
    PackageInfo build(PackageRequest request);

    /** Deletes the package and the staging area; returns how many blobs were deleted. */
    @ActivityMethod
    int purge(String requestId);
}
