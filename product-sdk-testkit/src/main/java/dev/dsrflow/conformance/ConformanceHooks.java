package dev.dsrflow.conformance;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a team provides to run the conformance kit on its handler, and the fixtures every rule
 * shares. Each seeded subject gets {@link #ITEM_TIMES} items in every category the handler
 * declares; {@link #MIDDLE} covers exactly two of them (its lower bound is inclusive, its upper
 * bound exclusive).
 */
@ExtendWith(ConformanceExtension.class)
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

    /**
     * Gives the subject one item of {@code category} created at each of the given times. The
     * identifiers carry only the kinds the descriptor declares ({@link ProductDescriptor#identifiers()}).
     */
    void seed(SubjectIdentifiers subject, InformationCategory category, List<Instant> createdAt);

    /** How many of the subject's items the product's normal reads show (restricted ones hidden). */
    long visibleItems(SubjectIdentifiers subject);

    /** The handler as {@code rule} calls it: a call that throws or returns null fails the rule, named. */
    default ProductHandler handlerFor(ConformanceRule rule) {
        return HandlerCalls.wrap(handler(), rule);
    }

    /** The product's declaration. */
    default ProductDescriptor declared() {
        return handler().descriptor();
    }

    /** Whether the product declares the capability. */
    default boolean declares(Capability capability) {
        return declared().capabilities().contains(capability);
    }

    /** A new subject, holding only the declared identifier kinds, with {@link #ITEM_TIMES} items in every category. */
    default KitSubject seededSubject() {
        return seededSubject("the subject");
    }

    /** As {@link #seededSubject()}, with the role the subject plays in the rule (shown in failures). */
    default KitSubject seededSubject(String role) {
        KitSubject subject = KitSubject.create(declared().identifiers(), role);
        categories().forEach(c -> seed(subject.identifiers(), c, ITEM_TIMES));
        return subject;
    }

    /** The handler's categories in a stable order. */
    default List<InformationCategory> categories() {
        return declared().categories().stream().sorted().toList();
    }

    /** Items a seeded subject has in all. */
    default long seededTotal() {
        return (long) categories().size() * ITEM_TIMES.size();
    }

    /** Items a seeded subject has inside {@link #MIDDLE}. */
    default long middleTotal() {
        return (long) categories().size() * IN_MIDDLE;
    }

    /**
     * Items the product still holds on the subject, every category and date, read with locate when
     * declared, else verifyErased, else the product's normal read (for a subject nobody restricted).
     */
    default long held(ProductHandler handler, KitSubject subject) {
        if (declares(Capability.LOCATE)) {
            return handler.locate(subject.ref(), ProductScope.EVERYTHING).totalItems();
        }
        if (declares(Capability.VERIFY)) {
            return handler.verifyErased(subject.ref(), ProductScope.EVERYTHING).residual();
        }
        return visibleItems(subject.identifiers());
    }

    /** How {@link #held} reads, for failure messages. */
    default String heldHow() {
        if (declares(Capability.LOCATE)) {
            return "locate";
        }
        return declares(Capability.VERIFY) ? "verifyErased" : "the product's normal read (visibleItems)";
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
