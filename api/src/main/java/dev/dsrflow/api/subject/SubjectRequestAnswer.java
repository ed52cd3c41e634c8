package dev.dsrflow.api.subject;

import dev.dsrflow.model.RequestStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the privacy center answers: the request's id and status (the same for every address).
 *
 * @param id the request
 * @param status its status
 * @param remainingTries after a verification attempt, the tries left on the current code
 */
@Serdeable
public record SubjectRequestAnswer(
        String id, RequestStatus status, @Nullable Integer remainingTries) {}
