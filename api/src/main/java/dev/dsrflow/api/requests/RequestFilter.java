package dev.dsrflow.api.requests;

import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a list asks for; null or empty means no constraint.
 *
 * @param products products any of which the request must involve
 * @param subjectKeys keys any of which the request's subject must have (from the {@code subject} parameter)
 */
public record RequestFilter(
        Set<RequestType> types,
        Set<RequestStatus> statuses,
        Set<Jurisdiction> jurisdictions,
        Set<String> products,
        List<String> subjectKeys,
        Instant dueBefore,
        Boolean overdue,
        int page,
        int size) {

    /** The same filter limited to these products. */
    public RequestFilter withProducts(Set<String> only) {
        return new RequestFilter(types, statuses, jurisdictions, only, subjectKeys, dueBefore, overdue, page, size);
    }
}
