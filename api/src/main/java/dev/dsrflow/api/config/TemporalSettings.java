package dev.dsrflow.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * Where Temporal is and how to authenticate to it.
 *
 * @param address host:port of the Temporal frontend (env {@code TEMPORAL_ADDRESS})
 * @param namespace the Temporal namespace (env {@code TEMPORAL_NAMESPACE})
 * @param apiKey Temporal Cloud API key (env {@code TEMPORAL_API_KEY}); implies TLS
 * @param tls mutual TLS settings
 */
@ConfigurationProperties("dsrflow.temporal")
public record TemporalSettings(
        @NotBlank @Bindable(defaultValue = "localhost:7233") String address,
        @NotBlank @Bindable(defaultValue = "default") String namespace,
        @Nullable String apiKey,
        @Nullable Tls tls) {

    /** Whether the connection uses TLS. */
    public boolean usesTls() {
        return (tls != null && tls.enabled()) || (apiKey != null && !apiKey.isBlank());
    }

    /**
     * Mutual TLS to the Temporal frontend.
     *
     * @param enabled use TLS (env {@code DSRFLOW_TEMPORAL_TLS_ENABLED})
     * @param clientCertPath PEM client certificate chain (mTLS; Temporal Cloud)
     * @param clientKeyPath PEM PKCS#8 client private key
     */
    @ConfigurationProperties("tls")
    public record Tls(
            @Bindable(defaultValue = "false") boolean enabled,
            @Nullable String clientCertPath,
            @Nullable String clientKeyPath) {}
}
