package dev.dsrflow.product;

import dev.dsrflow.catalogue.InformationCategory;
import java.util.Map;

/** What {@code erase} removed, per category. Zero on a repeated call is correct. */
public record ErasureReport(Map<InformationCategory, Long> erased) {
    public ErasureReport {
        erased = Map.copyOf(erased);
    }

    public long total() {
        return erased.values().stream().mapToLong(Long::longValue).sum();
    }
}
