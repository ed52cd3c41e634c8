package dev.dsrflow.product;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.DateRange;
import java.util.Set;

/**
 * What part of a subject's data a call covers.
 *
 * @param categories categories in scope; empty means every category the product holds
 * @param dateRange only items created inside this range
 */
public record ProductScope(Set<InformationCategory> categories, DateRange dateRange) {
    public static final ProductScope EVERYTHING = new ProductScope(Set.of(), DateRange.ALL);

    public ProductScope {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        dateRange = dateRange == null ? DateRange.ALL : dateRange;
    }

    /** Whether the category is in scope. */
    public boolean covers(InformationCategory category) {
        return categories.isEmpty() || categories.contains(category);
    }
}
