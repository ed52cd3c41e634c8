package dev.dsrflow.api.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/**
 * What notices say beyond the request (env {@code DSRFLOW_PUBLIC_URL},
 * {@code DSRFLOW_NOTICES_AUTHORITY}, {@code DSRFLOW_NOTICES_AUTHORITY_URL}).
 *
 * @param publicUrl where subjects reach dsrflow (links in notices); empty: this process's own
 *     server on localhost (the default runtime)
 * @param authority the company's lead supervisory authority (GDPR complaints)
 * @param authorityUrl its web address
 */
@ConfigurationProperties("dsrflow.notices")
public record NoticeSettingsProperties(
        @Nullable String publicUrl,
        @NotBlank String authority,
        @NotBlank String authorityUrl) {}
