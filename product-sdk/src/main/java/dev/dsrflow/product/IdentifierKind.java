package dev.dsrflow.product;

import dev.dsrflow.model.SubjectIdentifiers;

/**
 * The kinds of identifier a product can find a subject by. A product declares the kinds it holds
 * ({@link ProductDescriptor#identifiers()}); a request may carry others, which the handler ignores.
 */
public enum IdentifierKind {
    USER_ID,
    EMAIL,
    PHONE;

    /** This kind's value in the identifiers, or null when absent or blank. */
    public String of(SubjectIdentifiers identifiers) {
        String value = switch (this) {
            case USER_ID -> identifiers.userId();
            case EMAIL -> identifiers.email();
            case PHONE -> identifiers.phone();
        };
        return value == null || value.isBlank() ? null : value;
    }
}
