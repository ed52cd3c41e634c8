package dev.dsrflow.product;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** What {@code locate} found: counts per category. Empty means the product has no data. */
public record Inventory(List<CategoryCount> categories) {
    public Inventory {
        categories = List.copyOf(categories);
    }

    public long totalItems() {
        return categories.stream().mapToLong(CategoryCount::items).sum();
    }

    @JsonIgnore
    public boolean isEmpty() {
        return totalItems() == 0;
    }
}
