package dev.dsrflow.demo;

import dev.dsrflow.catalogue.InformationCategory;
import java.time.Instant;

/**
 * One chunk a demo product erased, as its erasure log keeps it.
 *
 * @param run the erase run (every attempt of one erase call shares it)
 * @param subjectKey the pseudonymous subject key the erase was for
 * @param category the category of the erased items
 * @param items how many items the chunk deleted
 * @param erasedAt when, by the product's clock
 */
public record ErasureLogEntry(
        String run, String subjectKey, InformationCategory category, long items, Instant erasedAt) {}
