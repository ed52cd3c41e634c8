package dev.dsrflow.product;

import dev.dsrflow.catalogue.InformationCategory;
import java.time.Instant;

/** How many items of one category a product holds for a subject, and over what time span. */
public record CategoryCount(InformationCategory category, long items, Instant earliest, Instant latest) {}
