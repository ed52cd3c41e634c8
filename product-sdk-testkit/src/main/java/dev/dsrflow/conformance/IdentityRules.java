package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.RESOLVE_FINDS_EVERY_IDENTIFIER;
import static dev.dsrflow.conformance.ConformanceRule.RESOLVE_RETURNS_WHAT_IT_WAS_GIVEN;

import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.IdentifierKind;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.SubjectRef;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;

/** Rules about identity: what a product that declares RESOLVE answers. */
public interface IdentityRules extends ConformanceHooks {

    @ConformanceCheck(RESOLVE_RETURNS_WHAT_IT_WAS_GIVEN)
    @DisplayName("resolve returns at least what it was given")
    default void resolveReturnsAtLeastWhatItWasGiven() {
        KitSubject subject = seededSubject();
        KitSubject stranger = KitSubject.create(declared().identifiers(), "a subject the product never saw");
        ProductHandler handler = handlerFor(RESOLVE_RETURNS_WHAT_IT_WAS_GIVEN);

        for (SubjectRef asked : List.of(subject.ref(), stranger.ref())) {
            Set<String> answered = IdentityRules.identifiers(handler.resolve(asked));
            Set<String> missing = IdentityRules.identifiers(List.of(asked.identifiers()));
            missing.removeAll(answered);
            RESOLVE_RETURNS_WHAT_IT_WAS_GIVEN.check(
                    missing.isEmpty(),
                    "resolve of " + KitSubject.describe(asked) + " left out the " + kinds(missing) + " it was given");
        }
    }

    @ConformanceCheck(RESOLVE_FINDS_EVERY_IDENTIFIER)
    @DisplayName("resolving any one identifier of an account returns all of them")
    default void resolvingAnyOneIdentifierReturnsAllOfThem() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(RESOLVE_FINDS_EVERY_IDENTIFIER);
        Set<String> held = IdentityRules.identifiers(List.of(subject.identifiers()));

        for (IdentifierKind kind : EnumSet.copyOf(declared().identifiers())) {
            SubjectRef byOne = subject.byOnly(kind);
            Set<String> missing = new TreeSet<>(held);
            missing.removeAll(IdentityRules.identifiers(handler.resolve(byOne)));
            RESOLVE_FINDS_EVERY_IDENTIFIER.check(
                    missing.isEmpty(),
                    "resolve of " + KitSubject.describe(byOne) + " left out the subject's " + kinds(missing));
        }
    }

    /** Every identifier in the answer as {@code KIND:value} (e-mail compared case-blind, phone by its digits). */
    private static Set<String> identifiers(List<SubjectIdentifiers> identities) {
        Set<String> out = new TreeSet<>();
        for (SubjectIdentifiers ids : identities == null ? List.<SubjectIdentifiers>of() : identities) {
            if (ids == null) {
                continue;
            }
            for (IdentifierKind kind : IdentifierKind.values()) {
                String value = kind.of(ids);
                if (value != null) {
                    out.add(kind + ":" + comparable(kind, value));
                }
            }
        }
        return out;
    }

    private static String comparable(IdentifierKind kind, String value) {
        return switch (kind) {
            case USER_ID -> value.trim();
            case EMAIL -> value.trim().toLowerCase(Locale.ROOT);
            case PHONE -> value.replaceAll("[^0-9]", "");
        };
    }

    /** The kinds of the identifiers, never their values (failure messages are logged). */
    private static String kinds(Set<String> identifiers) {
        Set<String> kinds = new TreeSet<>();
        identifiers.forEach(i -> kinds.add(i.substring(0, i.indexOf(':'))));
        return String.join(", ", kinds);
    }
}
