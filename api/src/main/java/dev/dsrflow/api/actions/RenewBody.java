package dev.dsrflow.api.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The body of a renewal: the new end of the hold, and why. */
@Serdeable
@Schema(name = "Renewal")
public record RenewBody(
        @NotNull Instant until,
        @Nullable @Size(max = RequestActions.MAX_REASON) String reason) {}
