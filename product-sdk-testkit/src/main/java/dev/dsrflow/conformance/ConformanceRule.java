package dev.dsrflow.conformance;

import static dev.dsrflow.product.Capability.ERASE;
import static dev.dsrflow.product.Capability.EXPORT;
import static dev.dsrflow.product.Capability.LOCATE;
import static dev.dsrflow.product.Capability.PRESERVE;
import static dev.dsrflow.product.Capability.RELEASE;
import static dev.dsrflow.product.Capability.RESOLVE;
import static dev.dsrflow.product.Capability.RESTRICT;
import static dev.dsrflow.product.Capability.VERIFY;

import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductDescriptor;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of the product-handler contract the kit checks. Each rule needs the capabilities it
 * exercises; the kit skips a rule the product's declaration does not call for, and says why. Each
 * failure names its rule, says what the handler did and what the contract expects, and points to
 * the rule's section of the SDK documentation ({@link #DOCUMENTATION}).
 */
public enum ConformanceRule {
    DESCRIPTOR_IS_VALID(
            "the descriptor is valid",
            "an id of [a-z][a-z0-9-], a display name, a handler version, at least one category, at least one"
                    + " identifier kind, and at least one capability for an automated product",
            Set.of()),
    LOCATE_COUNTS_EVERY_ITEM(
            "locate counts every item per category with its time span",
            "locate lists each category in scope that holds items once, with the item count and the creation times"
                    + " of the earliest and latest item",
            Set.of(LOCATE)),
    FOUND_BY_ANY_IDENTIFIER(
            "a subject is found by any identifier kind the product holds",
            "a request carrying only one of the identifier kinds the product declares finds all of the subject's"
                    + " items; identifier kinds the product does not hold are ignored",
            Set.of(LOCATE)),
    UNKNOWN_SUBJECT_IS_NO_DATA(
            "an unknown subject is no data, not an error",
            "every call about a subject the product never saw succeeds and reports zero items; an exception"
                    + " makes dsrflow retry and then fail the request",
            Set.of()),
    LOCATE_HONOURS_DATE_RANGE(
            "locate honours the date range",
            "locate counts only items created inside [from, to): from inclusive, to exclusive",
            Set.of(LOCATE)),
    CATEGORY_SCOPE_IS_HONOURED(
            "the category scope is honoured",
            "a scope naming categories covers those categories only; categories the product does not hold find"
                    + " nothing",
            Set.of()),
    EMPTY_CATEGORY_SET_MEANS_ALL(
            "an empty category set means every category",
            "a scope with no categories covers every category the product holds (it is how a request for"
                    + " everything arrives), never none",
            Set.of()),
    OPEN_DATE_RANGE_MEANS_ALL_DATES(
            "a missing date range or a missing end of one means every date on that side",
            "a scope whose date range is absent (DateRange.ALL, both ends null) covers every date; a null 'from'"
                    + " has no lower bound and a null 'to' no upper bound",
            Set.of()),
    EXPORT_CONTAINS_WHAT_LOCATE_COUNTED(
            "export contains what locate counted",
            "export writes every item in scope, and each listed file's size and SHA-256 match the bytes written",
            Set.of(EXPORT)),
    EXPORT_WRITES_THE_FORMAT(
            "export writes the requested format",
            "a JSON export writes parseable .json files, an HTML export .html pages holding the same items",
            Set.of(EXPORT)),
    EXPORT_IS_REPEATABLE(
            "export is repeatable",
            "the same export twice writes the same files with the same digests",
            Set.of(EXPORT)),
    EXPORT_HONOURS_DATE_RANGE(
            "export honours the date range", "export writes only items created inside [from, to)", Set.of(EXPORT)),
    EXPORT_RESUMES(
            "an interrupted export resumes from its checkpoint",
            "export calls progress.checkpoint(cursor) after each file it writes, even when the export is one small"
                    + " file, and a call resumed from that cursor lists every file of the export, earlier ones too",
            Set.of(EXPORT)),
    VERIFY_THEN_ERASE_THEN_ZERO(
            "verify finds the data before erase and zero after",
            "verifyErased counts the items in scope; after erase it reports zero, and erase reports per category"
                    + " what it removed",
            Set.of(ERASE, VERIFY)),
    ERASE_IS_IDEMPOTENT(
            "erase is idempotent",
            "a repeated erase of the same subject and scope succeeds, finds nothing more to erase and reports 0",
            Set.of(ERASE)),
    ERASE_SPARES_OTHER_SUBJECTS(
            "erase leaves other subjects untouched",
            "erase removes the subject's items only; every other subject keeps and still sees all of its items",
            Set.of(ERASE)),
    ERASE_HONOURS_DATE_RANGE(
            "erase honours the date range",
            "erase removes only items created inside [from, to) and reports only those",
            Set.of(ERASE)),
    CONCURRENT_ERASES_ARE_SAFE(
            "two concurrent erases of one subject are safe",
            "two erases of one subject at the same time both succeed and, between them, count each item once",
            Set.of(ERASE)),
    ERASE_RESUMES(
            "an interrupted erase resumes from its checkpoint",
            "erase checkpoints as it goes; a call resumed from the last checkpoint finishes the job and reports"
                    + " the total erased across every attempt of the call (keep a per-run tally in the product's"
                    + " own store, keyed by a run id kept in the cursor)",
            Set.of(ERASE)),
    RESTRICT_ROUND_TRIPS(
            "restrict hides items from normal reads and unrestrict shows them again",
            "restrict hides the items in scope from the product's normal reads but keeps them (locate still finds"
                    + " them); unrestrict shows them again; each reports how many items it changed",
            Set.of(RESTRICT)),
    RESTRICT_HONOURS_DATE_RANGE(
            "restrict honours the date range",
            "restrict and unrestrict change only items created inside [from, to)",
            Set.of(RESTRICT)),
    RESTRICT_IS_IDEMPOTENT(
            "restrict and unrestrict are idempotent",
            "restricting twice hides each item once; one unrestrict undoes it; a second unrestrict changes nothing",
            Set.of(RESTRICT)),
    PRESERVED_COPY_SURVIVES_ERASE(
            "a preserved copy survives erase and goes away on release",
            "preserve copies the items in scope out of erase's reach and names the hold in its receipt, with a"
                    + " digest; release of the hold drops the copy, and a second release finds nothing",
            Set.of(PRESERVE, RELEASE, ERASE)),
    PRESERVE_IS_IDEMPOTENT(
            "preserving twice under one hold is idempotent",
            "a second preserve under the same hold keeps one copy and reports the same items and digest",
            Set.of(PRESERVE)),
    PRESERVE_HONOURS_DATE_RANGE(
            "preserve honours the date range",
            "preserve copies only items created inside [from, to)",
            Set.of(PRESERVE)),
    RELEASE_OF_UNKNOWN_HOLD_IS_HARMLESS(
            "releasing an unknown hold is harmless",
            "releasing a hold that was never placed releases nothing and touches neither live data nor other holds",
            Set.of(PRESERVE, RELEASE)),
    RELEASE_DROPS_ONLY_ITS_HOLD(
            "release drops only its own hold's copy",
            "release drops the copy of the hold it names; other holds of the subject and of other subjects stay",
            Set.of(PRESERVE, RELEASE)),
    PRESERVE_REPORTS_ALREADY_ERASED(
            "preserve reports what was already erased",
            "a preserve after an erase reports, in alreadyErased, the items in scope that erase removed before the"
                    + " hold (the product keeps a count of what it erased per subject), so a hold never hides a loss",
            Set.of(PRESERVE, ERASE)),
    RESOLVE_RETURNS_WHAT_IT_WAS_GIVEN(
            "resolve returns at least what it was given",
            "resolve answers with every identifier it was given (of a known subject and of one it never saw),"
                    + " never fewer: dsrflow keys legal holds on the answer, so a lost identifier weakens a hold",
            Set.of(RESOLVE)),
    RESOLVE_FINDS_EVERY_IDENTIFIER(
            "resolving any one identifier of an account returns all of them",
            "resolve of a subject known by any one identifier kind the product holds answers with every identifier"
                    + " the product holds on that subject's account",
            Set.of(RESOLVE));

    /** Where the rules are explained; each rule has an anchor there ({@link #documentation()}). */
    public static final String DOCUMENTATION = "docs/product-sdk.md";

    private final String title;
    private final String expects;
    private final Set<Capability> requires;

    ConformanceRule(String title, String expects, Set<Capability> requires) {
        this.title = title;
        this.expects = expects;
        this.requires = requires.isEmpty() ? Set.of() : EnumSet.copyOf(requires);
    }

    /** The rule as a sentence, e.g. "erase is idempotent". */
    public String title() {
        return title;
    }

    /** What the contract expects of a handler, in one sentence. */
    public String expects() {
        return expects;
    }

    /** The capabilities a product must declare for the rule to apply. */
    public Set<Capability> requires() {
        return requires;
    }

    /** The rule's section of the SDK documentation, e.g. {@code docs/product-sdk.md#erase_is_idempotent}. */
    public String documentation() {
        return DOCUMENTATION + "#" + name().toLowerCase(Locale.ROOT);
    }

    /** Why the rule does not apply to the product, or empty when it does. */
    public Optional<String> skipReason(ProductDescriptor descriptor) {
        if (this == DESCRIPTOR_IS_VALID) {
            return Optional.empty();
        }
        if (!descriptor.automated()) {
            return Optional.of("the product is declared manual (automated: false): an operator does its steps and"
                    + " dsrflow never calls its handler");
        }
        if (descriptor.categories().isEmpty() || descriptor.identifiers().isEmpty()) {
            return Optional.of("the descriptor declares no category or no identifier kind, so the kit cannot seed a"
                    + " subject (DESCRIPTOR_IS_VALID reports it)");
        }
        Set<Capability> missing = EnumSet.allOf(Capability.class);
        missing.retainAll(requires);
        missing.removeAll(descriptor.capabilities());
        if (!missing.isEmpty()) {
            return Optional.of("it needs " + new TreeSet<>(requires) + " and the product does not declare "
                    + new TreeSet<>(missing) + " (it declares " + new TreeSet<>(descriptor.capabilities()) + ")");
        }
        return Optional.empty();
    }

    /** Fails the rule unless the check holds; {@code observed} says what the handler did. */
    public void check(boolean holds, String observed) {
        check(holds, observed, expects);
    }

    /** Fails the rule unless the check holds, with a more specific expectation than the rule's. */
    public void check(boolean holds, String observed, String expected) {
        if (!holds) {
            throw new ConformanceFailure(this, observed, expected, null);
        }
    }

    /** Fails the rule: the handler did what {@code observed} says. */
    public ConformanceFailure broken(String observed, Throwable cause) {
        return new ConformanceFailure(this, observed, expects, cause);
    }
}
