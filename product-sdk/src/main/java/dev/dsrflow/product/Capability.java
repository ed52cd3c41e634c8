package dev.dsrflow.product;

/** What a product's handler can do automatically. */
public enum Capability {
    LOCATE,
    EXPORT,
    RESTRICT,
    ERASE,
    VERIFY,
    PRESERVE,
    RELEASE,
    /**
     * Tells every identifier of the account a subject's identifiers belong to
     * ({@link ProductHandler#resolve}): declared by a product that owns identity (accounts), so a
     * legal hold filed under one identifier stops a deletion filed under another.
     */
    RESOLVE
}
