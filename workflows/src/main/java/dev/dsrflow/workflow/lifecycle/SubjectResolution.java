package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.identity.ResolvedSubject;
import dev.dsrflow.identity.SubjectKeyActivities;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.IdentifierKind;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.activity.ProductTask;
import dev.dsrflow.product.activity.ResolvedIdentifiers;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a request's subject to every identifier of the person before any product step, so a
 * legal hold follows the person, not the identifier it was filed with: asks every product of the
 * catalogue that declares {@link Capability#RESOLVE} (named in the request or not), unions the answers
 * with the filed identifiers,
 * and asks again about identifiers a product has not seen yet, at most {@link #MAX_ROUNDS} rounds.
 * The keys of every identifier are computed beside the workflow ({@link SubjectKeyActivities}: the
 * HMAC secret is not in the workflow) and recorded in the request's state, and from there in the
 * ledger ({@code SUBJECT_RESOLVED}, keys only) and the view.
 *
 * <p>A product whose resolve fails (its retries exhausted) is noted ({@code SUBJECT_RESOLUTION_FAILED})
 * and the request goes on with what the others answered: holds are registered under every key of
 * the preservation, so a deletion that learns fewer keys still meets them under its filed one.
 */
public final class SubjectResolution {
    /** Rounds of asking at most: each asks only about identifiers new to a product. */
    public static final int MAX_ROUNDS = 3;

    private final SubjectKeyActivities keys = OrchestratorStubs.local(SubjectKeyActivities.class);
    private final RequestState state;
    private final RequestJournal journal;
    private final ProductStubs products;

    SubjectResolution(RequestState state, RequestJournal journal, ProductStubs products) {
        this.state = state;
        this.journal = journal;
        this.products = products;
    }

    /** Resolves the subject, records its keys in the state and journals them. */
    void run() {
        SubjectIdentifiers filed = state.spec().subject();
        List<SubjectIdentifiers> known = new ArrayList<>(List.of(filed));
        List<String> resolvers = resolvers(products.catalog());
        Map<String, Set<String>> seenBy = new HashMap<>();
        List<String> failed = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Map<Promise<ResolvedIdentifiers>, String> asked = new LinkedHashMap<>();
            for (String product : resolvers) {
                Set<String> seen = seenBy.computeIfAbsent(product, p -> new HashSet<>());
                for (SubjectIdentifiers identity : List.copyOf(known)) {
                    if (!seen.containsAll(identifiers(identity))) {
                        seen.addAll(identifiers(identity));
                        ProductTask task = new ProductTask(
                                state.id(),
                                product,
                                new SubjectRef(identity, state.spec().subjectKey()),
                                null,
                                null,
                                null,
                                null);
                        asked.put(Async.function(products.of(product)::resolve, task), product);
                    }
                }
            }
            if (asked.isEmpty()) {
                break;
            }
            for (Map.Entry<Promise<ResolvedIdentifiers>, String> answer : asked.entrySet()) {
                try {
                    for (SubjectIdentifiers identity : answer.getKey().get().identities()) {
                        seenBy.get(answer.getValue()).addAll(identifiers(identity));
                        if (!identity.isEmpty() && !known.contains(identity)) {
                            known.add(identity);
                        }
                    }
                } catch (ActivityFailure failure) {
                    failed.add(answer.getValue());
                }
            }
        }
        List<String> subjectKeys = known.size() == 1 && identifiers(filed).size() == 1
                ? List.of(state.spec().subjectKey())
                : keys.keys(new ResolvedSubject(state.spec().subjectKey(), filed, List.copyOf(known)));
        state.resolved(completed(filed, known), subjectKeys);
        List<RequestJournal.Note> notes = new ArrayList<>();
        failed.stream()
                .distinct()
                .forEach(p -> notes.add(new RequestJournal.Note(
                        "SUBJECT_RESOLUTION_FAILED", p, "resolve failed; the request goes on without its answer")));
        notes.add(new RequestJournal.Note(
                ResolvedSubject.RESOLVED_EVENT,
                null,
                subjectKeys.size() + " subject keys from " + resolvers.size() + " identity products: "
                        + String.join(", ", subjectKeys)));
        journal.noteAll(notes);
    }

    /**
     * The catalogue's products that resolve identities, in catalogue order: all of them, whether
     * the request names them or not (a deletion of one product's data must meet a hold filed
     * under another identifier just the same).
     */
    static List<String> resolvers(ProductCatalog catalog) {
        return catalog.all().stream()
                .filter(s -> RequestSetup.automated(s, Capability.RESOLVE))
                .map(ProductSettings::id)
                .toList();
    }

    /** The filed identifiers with each kind the filing left out taken from the first identity that has it. */
    static SubjectIdentifiers completed(SubjectIdentifiers filed, List<SubjectIdentifiers> known) {
        String userId = filed.userId();
        String email = filed.email();
        String phone = filed.phone();
        for (SubjectIdentifiers identity : known) {
            userId = userId != null ? userId : IdentifierKind.USER_ID.of(identity);
            email = email != null ? email : IdentifierKind.EMAIL.of(identity);
            phone = phone != null ? phone : IdentifierKind.PHONE.of(identity);
        }
        return new SubjectIdentifiers(userId, email, phone);
    }

    /** The identity's identifiers as {@code KIND:value}, to tell which a product has seen. */
    private static Set<String> identifiers(SubjectIdentifiers identity) {
        Set<String> out = new HashSet<>();
        for (IdentifierKind kind : IdentifierKind.values()) {
            String value = kind.of(identity);
            if (value != null) {
                out.add(kind + ":" + value.trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
