package dev.dsrflow.product;

import dev.dsrflow.model.SubjectIdentifiers;

/**
 * Who a handler call is about: the identifiers (to find rows) and the pseudonymous key (the
 * only thing a handler may log).
 */
public record SubjectRef(SubjectIdentifiers identifiers, String subjectKey) {
    @Override
    public String toString() {
        return "SubjectRef[" + subjectKey + "]";
    }
}
