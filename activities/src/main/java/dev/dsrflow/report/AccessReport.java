package dev.dsrflow.report;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.catalogue.Purpose;
import dev.dsrflow.catalogue.Recipient;
import dev.dsrflow.product.CategoryCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The access report's content: per product, per category, the items held joined with the
 * policy's purposes, recipients and retention rationale.
 */
public record AccessReport(
        String requestId,
        String subjectKey,
        String jurisdiction,
        long totalItems,
        List<ProductSection> products,
        String retention) {

    /** One product's section. */
    public record ProductSection(
            String product, String displayName, String status, long items, List<CategorySection> categories) {}

    /** One category held by a product, with the data map. */
    public record CategorySection(
            String category,
            String heading,
            String description,
            long items,
            Instant earliest,
            Instant latest,
            List<String> purposes,
            List<String> recipients) {}

    /** Joins the inventories with the catalogue. */
    public static AccessReport of(AccessReportInput input) {
        List<ProductSection> sections = new ArrayList<>();
        long total = 0;
        for (AccessReportInput.ProductInventory p : input.products()) {
            List<CategorySection> categories = new ArrayList<>();
            long items = 0;
            if (p.inventory() != null) {
                for (CategoryCount c : p.inventory().categories()) {
                    categories.add(section(c));
                    items += c.items();
                }
            }
            categories.sort(Comparator.comparing(CategorySection::category));
            sections.add(new ProductSection(p.product(), p.displayName(), p.status(), items, categories));
            total += items;
        }
        return new AccessReport(
                input.requestId(),
                input.subjectKey(),
                input.jurisdiction(),
                total,
                sections,
                InformationCategory.RETENTION);
    }

    private static CategorySection section(CategoryCount c) {
        InformationCategory cat = c.category();
        return new CategorySection(
                cat.name(),
                cat.heading().title(),
                cat.description(),
                c.items(),
                c.earliest(),
                c.latest(),
                cat.purposes().stream().sorted().map(Purpose::description).toList(),
                cat.recipients().stream().sorted().map(Recipient::description).toList());
    }

    /** Distinct categories with at least one item. */
    public int distinctCategories() {
        return (int) products.stream()
                .flatMap(p -> p.categories().stream())
                .filter(c -> c.items() > 0)
                .map(CategorySection::category)
                .distinct()
                .count();
    }
}
