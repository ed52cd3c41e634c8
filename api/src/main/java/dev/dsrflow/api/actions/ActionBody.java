package dev.dsrflow.api.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** The optional body of an action: why (required for reject, extend, complete, skip, release). */
@Serdeable
@Schema(name = "Action")
public record ActionBody(
        @Nullable @Size(max = RequestActions.MAX_REASON) String reason) {}
