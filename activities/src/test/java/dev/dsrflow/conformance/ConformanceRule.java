package dev.dsrflow.conformance;

/**
 * The rules of the product-handler contract the kit checks. Every assertion names its rule,
 * so a failing kit tells a team which promise its handler broke.
 */
public enum ConformanceRule {
    DESCRIPTOR_IS_VALID("the descriptor is valid"),
    LOCATE_COUNTS_EVERY_ITEM("locate counts every item per category with its time span"),
    FOUND_BY_ANY_IDENTIFIER("a subject is found by any of its identifiers"),
    UNKNOWN_SUBJECT_IS_NO_DATA("an unknown subject is no data, not an error"),
    LOCATE_HONOURS_DATE_RANGE("locate honours the date range"),
    CATEGORY_SCOPE_IS_HONOURED("the category scope is honoured"),
    EXPORT_CONTAINS_WHAT_LOCATE_COUNTED("export contains what locate counted"),
    EXPORT_WRITES_THE_FORMAT("export writes the requested format"),
    EXPORT_IS_REPEATABLE("export is repeatable"),
    EXPORT_HONOURS_DATE_RANGE("export honours the date range"),
    EXPORT_RESUMES("an interrupted export resumes from its checkpoint"),
    VERIFY_THEN_ERASE_THEN_ZERO("verify finds the data before erase and zero after"),
    ERASE_IS_IDEMPOTENT("erase is idempotent"),
    ERASE_SPARES_OTHER_SUBJECTS("erase leaves other subjects untouched"),
    ERASE_HONOURS_DATE_RANGE("erase honours the date range"),
    CONCURRENT_ERASES_ARE_SAFE("two concurrent erases of one subject are safe"),
    ERASE_RESUMES("an interrupted erase resumes from its checkpoint"),
    RESTRICT_ROUND_TRIPS("restrict hides items from normal reads and unrestrict shows them again"),
    RESTRICT_HONOURS_DATE_RANGE("restrict honours the date range"),
    RESTRICT_IS_IDEMPOTENT("restrict and unrestrict are idempotent"),
    PRESERVED_COPY_SURVIVES_ERASE("a preserved copy survives erase and goes away on release"),
    PRESERVE_IS_IDEMPOTENT("preserving twice under one hold is idempotent"),
    PRESERVE_HONOURS_DATE_RANGE("preserve honours the date range"),
    RELEASE_OF_UNKNOWN_HOLD_IS_HARMLESS("releasing an unknown hold is harmless"),
    RELEASE_DROPS_ONLY_ITS_HOLD("release drops only its own hold's copy"),
    PRESERVE_REPORTS_ALREADY_ERASED("preserve reports what was already erased");

    private final String title;

    ConformanceRule(String title) {
        this.title = title;
    }

    /** The rule as a sentence, e.g. "erase is idempotent". */
    public String title() {
        return title;
    }

    /** An assertion description naming the rule, then what was checked. */
    public String because(String check) {
        return "conformance rule '" + title + "' broken: " + check;
    }
}
