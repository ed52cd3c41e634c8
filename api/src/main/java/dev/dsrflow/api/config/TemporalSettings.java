package dev.dsrflow.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * Where Temporal is.
 *
 * @param address host:port of the Temporal frontend (env {@code TEMPORAL_ADDRESS})
 * @param namespace the Temporal namespace
 */
@ConfigurationProperties("dsrflow.temporal")
public record TemporalSettings(
    @NotBlank @Bindable(defaultValue = "localhost:7233") String address,
    @NotBlank @Bindable(defaultValue = "default") String namespace) {}
