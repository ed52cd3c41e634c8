package dev.dsrflow.product;

/** What a product's handler can do automatically. */
public enum Capability {
    LOCATE,
    EXPORT,
    RESTRICT,
    ERASE,
    VERIFY,
    PRESERVE,
    RELEASE
}
