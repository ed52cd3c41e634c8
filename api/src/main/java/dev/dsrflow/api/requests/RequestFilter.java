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
 * @param subjectKeys keys any of which the request's subject must have (from the {@code subject} parameter)
 */
public record RequestFilter(
    Set<RequestType> types,
    Set<RequestStatus> statuses,
    Set<Jurisdiction> jurisdictions,
    String product,
    List<String> subjectKeys,
    Instant dueBefore,
    Boolean overdue,
    int page,
    int size) {}
