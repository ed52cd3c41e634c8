package dev.dsrflow.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import java.util.Base64;

/**
 * The secrets of dsrflow processes, each with one purpose. The default runtime creates them once
 * under its data directory; deployments inject them from a secret store. Product workers need the
 * codec keys only; the API and the orchestrator need all of them.
 *
 * @param codecKeys payload encryption keys, {@code id:base64key,...}, current first (env {@code DSRFLOW_CODEC_KEYS})
 * @param subjectKeySecret base64 HMAC secret for subject keys and request fingerprints (env
 *     {@code DSRFLOW_SUBJECT_KEY_SECRET})
 * @param linkSecret base64 HMAC secret for download links only (env {@code DSRFLOW_LINK_SECRET})
 * @param certificateKeys Ed25519 keys that sign certificates and ledger heads, {@code kid:base64secret,...},
 *     current first, retired ones after it (env {@code DSRFLOW_CERTIFICATE_KEYS})
 */
@ConfigurationProperties("dsrflow.secrets")
public record SecretSettings(
        @NotBlank String codecKeys,
        @Nullable String subjectKeySecret,
        @Nullable String linkSecret,
        @Nullable String certificateKeys) {

    /** The subject-key secret, decoded; fails naming its variable when it is not configured. */
    byte[] subjectKeySecretBytes() {
        return Base64.getDecoder().decode(required(subjectKeySecret, "DSRFLOW_SUBJECT_KEY_SECRET"));
    }

    /** The download-link secret, decoded; fails naming its variable when it is not configured. */
    byte[] linkSecretBytes() {
        return Base64.getDecoder().decode(required(linkSecret, "DSRFLOW_LINK_SECRET"));
    }

    /** The certificate keys; fails naming the variable when they are not configured. */
    String requiredCertificateKeys() {
        return required(certificateKeys, "DSRFLOW_CERTIFICATE_KEYS");
    }

    private static String required(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: the API and the orchestrator need it");
        }
        return value;
    }

    @Override
    public String toString() {
        return "SecretSettings[redacted]";
    }
}
