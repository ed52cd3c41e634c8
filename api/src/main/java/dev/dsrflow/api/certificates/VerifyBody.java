package dev.dsrflow.api.certificates;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/**
 * A certificate to check: the {@code certificate} of a request view can be posted as it is.
 *
 * @param jws the compact JWS
 * @param keyId the key id the view names beside it (the JWS header's {@code kid} is what counts)
 */
@Serdeable
public record VerifyBody(@NotBlank String jws, @Nullable String keyId) {}
