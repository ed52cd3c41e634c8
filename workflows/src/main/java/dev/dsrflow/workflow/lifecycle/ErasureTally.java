package dev.dsrflow.workflow.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * What a batch's erase step did to one product, for the deletion's certificate and journal.
 *
 * @param itemsErased items erased over every run
 * @param residual items the last verification found (0 when verified)
 * @param verified whether the last verification reported zero
 * @param eraseRuns how many times erase ran (1 + re-erases)
 * @param startedAt when the first erase started
 * @param finishedAt when the last call finished
 * @param handlerVersion the handler version that erased
 * @param residues the residue found after each run that left one, in order
 */
public record ErasureTally(
        long itemsErased,
        long residual,
        boolean verified,
        int eraseRuns,
        Instant startedAt,
        Instant finishedAt,
        String handlerVersion,
        List<Long> residues) {}
