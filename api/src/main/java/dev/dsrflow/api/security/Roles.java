package dev.dsrflow.api.security;

/** The roles of API.md; a user may hold several. */
public final class Roles {
    /** Files, approves and steers access, download and deletion requests. */
    public static final String PRIVACY_OPS = "PRIVACY_OPS";
    /** Files, approves, renews and releases preservations. */
    public static final String LEGAL = "LEGAL";
    /** Reads everything, acts on nothing. */
    public static final String AUDITOR = "AUDITOR";
    /** A product team: sees the product catalogue. */
    public static final String PRODUCT = "PRODUCT";

    private Roles() {}
}
