package dev.dsrflow.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * The secrets every dsrflow process shares. The default runtime creates them once under its
 * data directory; deployments inject them from a secret store.
 *
 * @param codecKeys payload encryption keys, {@code id:base64key,...}, current first (env {@code DSRFLOW_CODEC_KEYS})
 * @param subjectKeySecret base64 HMAC secret for subject keys (env {@code DSRFLOW_SUBJECT_KEY_SECRET})
 * @param linkSecret base64 HMAC secret for download links and certificates (env {@code DSRFLOW_LINK_SECRET})
 */
@ConfigurationProperties("dsrflow.secrets")
public record SecretSettings(
        @NotBlank String codecKeys,
        @NotBlank String subjectKeySecret,
        @NotBlank String linkSecret) {

    @Override
    public String toString() {
        return "SecretSettings[redacted]";
    }
}
