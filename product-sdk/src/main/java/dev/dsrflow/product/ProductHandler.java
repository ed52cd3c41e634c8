package dev.dsrflow.product;

import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import java.util.List;

/**
 * What a product team implements so dsrflow can serve data-subject requests on its product.
 * Plain Java: no Temporal types. The platform wraps the handler in an activity on the
 * product's own task queue ({@code dsr-product-<id>}).
 *
 * <p>Rules every implementation must honour (the conformance kit checks them; docs/product-sdk.md
 * explains each):
 * <ul>
 *   <li>Every method is idempotent: the same call twice has the effect of one.
 *   <li>An unknown subject is "no data" (empty results), never an error.
 *   <li>Scope (categories, date range) is honoured by every method. An empty category set means
 *       every category, a null date range (or a null end of one) every date on that side.
 *   <li>A subject is found by any identifier kind the descriptor declares.
 *   <li>Erase never touches other subjects and never touches preserved copies.
 *   <li>Permanent failures throw {@link PermanentHandlerException}; anything else is retried.
 *   <li>Subject identifiers are never logged, nor put in exception messages (failures are logged
 *       and recorded); use {@link SubjectRef#subjectKey()}.
 *   <li>Long work checkpoints through {@link Progress}; a call resumed from a checkpoint finishes
 *       the job and reports the total across attempts (erase: everything erased since the first
 *       attempt, kept as a per-run tally in the product's own store), so certificates count what
 *       was really done. Export checkpoints after every file, even a small one.
 *   <li>Preserve reports, in {@link PreservationReceipt#alreadyErased()}, what erase removed
 *       before the hold.
 *   <li>A product that declares {@link Capability#RESOLVE} answers {@link #resolve} with every
 *       identifier of the account the given ones belong to, never fewer than it was given.
 * </ul>
 */
public interface ProductHandler {

    /** Describes the product: id, categories, capabilities, whether it is automated. */
    ProductDescriptor descriptor();

    /** Counts what the product holds on the subject, per category, with the time span. */
    Inventory locate(SubjectRef subject, ProductScope scope);

    /** Writes the subject's data in scope as files into {@code sink}, and lists them. */
    ExportManifest export(
            SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress progress);

    /** Hides the subject's data in scope from the product's normal reads; returns items hidden. */
    long restrict(SubjectRef subject, ProductScope scope);

    /** Undoes {@link #restrict}; returns items shown again. */
    long unrestrict(SubjectRef subject, ProductScope scope);

    /** Deletes the subject's data in scope (not preserved copies). Checkpoints long work. */
    ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress);

    /** Counts what is left in scope after an erase; zero means verified. */
    VerificationReport verifyErased(SubjectRef subject, ProductScope scope);

    /** Copies the subject's data in scope into a hold area that erase does not touch. */
    PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId);

    /** Drops the preserved copy of a hold; returns items released. */
    long release(SubjectRef subject, String holdId);

    /**
     * Every identifier of the person the given identifiers belong to, so dsrflow can key a request
     * on all of them (a hold filed under an e-mail then stops a deletion filed under the user id).
     * Called before any other step of every request, only when the descriptor declares
     * {@link Capability#RESOLVE}; dsrflow asks again with identifiers other products named, at
     * most a few rounds.
     *
     * <p>The contract (the conformance kit checks it): return every identifier of each account
     * any given identifier belongs to, as one {@link SubjectIdentifiers} per account, plus what
     * was given; never fewer identifiers than were given (what was given is always part of the
     * answer); an unknown subject (no account) is answered with what was given, never an error.
     * Like every method it is idempotent and never logs the identifiers.
     *
     * <p>The default, for products that do not own identity, returns what it was given.
     */
    default List<SubjectIdentifiers> resolve(SubjectRef subject) {
        return List.of(subject.identifiers());
    }
}
