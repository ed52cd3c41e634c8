package dev.dsrflow.product.activity;

/** The handler operation a product activity performs. */
public enum ProductStep {
    LOCATE,
    EXPORT,
    RESTRICT,
    UNRESTRICT,
    ERASE,
    VERIFY,
    PRESERVE,
    RELEASE
}
