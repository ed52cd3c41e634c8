package dev.dsrflow.conformance;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a team provides to run the conformance kit on its handler, and the fixtures every rule
 * shares. Each seeded subject gets {@link #ITEM_TIMES} items in every category the handler
 * declares; {@link #MIDDLE} covers exactly two of them (its lower bound is inclusive, its upper
 * bound exclusive).
 */
public interface ConformanceHooks {
    /** Item creation times of a seeded subject, per category. */
    List<Instant> ITEM_TIMES = List.of(
            Instant.parse("2021-03-01T10:00:00Z"),
            Instant.parse("2022-01-01T00:00:00Z"),
            Instant.parse("2023-09-01T10:00:00Z"),
            Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-12-01T10:00:00Z"));

    /** A date range holding the 2nd and 3rd of {@link #ITEM_TIMES}. */
    DateRange MIDDLE = new DateRange(Instant.parse("2022-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"));

    /** Items per category inside {@link #MIDDLE}. */
    int IN_MIDDLE = 2;

    /** The handler under test (called for every test; may return the same instance). */
    ProductHandler handler();

    /** Gives the subject one item of {@code category} created at each of the given times. */
    void seed(SubjectIdentifiers subject, InformationCategory category, List<Instant> createdAt);

    /** How many of the subject's items the product's normal reads show (restricted ones hidden). */
    long visibleItems(SubjectIdentifiers subject);

    /** A new subject with {@link #ITEM_TIMES} items in every declared category. */
    default KitSubject seededSubject() {
        KitSubject subject = KitSubject.create();
        categories().forEach(c -> seed(subject.identifiers(), c, ITEM_TIMES));
        return subject;
    }

    /** The handler's categories in a stable order. */
    default List<InformationCategory> categories() {
        return handler().descriptor().categories().stream().sorted().toList();
    }

    /** Items a seeded subject has in all. */
    default long seededTotal() {
        return (long) categories().size() * ITEM_TIMES.size();
    }

    /** Items a seeded subject has inside {@link #MIDDLE}. */
    default long middleTotal() {
        return (long) categories().size() * IN_MIDDLE;
    }

    /** Only the given category, every date. */
    static ProductScope only(InformationCategory category) {
        return new ProductScope(Set.of(category), DateRange.ALL);
    }

    /** Every category, only {@link #MIDDLE}. */
    static ProductScope middle() {
        return new ProductScope(Set.of(), MIDDLE);
    }
}
