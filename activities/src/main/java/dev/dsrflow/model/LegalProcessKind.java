package dev.dsrflow.model;

/** The kind of legal process behind a preservation. */
public enum LegalProcessKind {
    /** 18 U.S.C. 2703(f): 90 days, renewable once by 90 more. */
    PRESERVATION_LETTER,
    SUBPOENA,
    COURT_ORDER,
    SEARCH_WARRANT,
    LITIGATION_HOLD;

    /** Whether the hold lapses on its own after a fixed term (otherwise it lasts until released). */
    public boolean expiresByLaw() {
        return this == PRESERVATION_LETTER;
    }
}
