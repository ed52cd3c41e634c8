package dev.dsrflow.certificate;

import java.time.Instant;

/**
 * One product's part of a deletion certificate.
 *
 * @param product product id
 * @param status final task status (DONE, NO_DATA, SKIPPED)
 * @param itemsErased items the product's erase calls reported
 * @param residual items its last verification found (0 means verified)
 * @param verified whether verification reported zero
 * @param eraseRuns how many erase calls ran (more than one after a residue)
 * @param startedAt when the product's first erase started
 * @param finishedAt when its verification finished
 * @param handlerVersion version of the product's handler that did the work
 * @param note operator note for a product completed or skipped by hand
 */
public record ProductEvidence(
        String product,
        String status,
        long itemsErased,
        long residual,
        boolean verified,
        int eraseRuns,
        Instant startedAt,
        Instant finishedAt,
        String handlerVersion,
        String note) {}
