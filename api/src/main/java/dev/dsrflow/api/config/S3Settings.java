package dev.dsrflow.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * An S3-compatible object store for reports and download packages (env {@code DSRFLOW_BLOB_S3_*}).
 * When a bucket is configured it replaces the local blob directory.
 */
@ConfigurationProperties("dsrflow.blob.s3")
@Requires(property = "dsrflow.blob.s3.bucket", pattern = ".+")
public record S3Settings(
        @Nullable String endpoint,
        @NotBlank @Bindable(defaultValue = "us-east-1") String region,
        @NotBlank String bucket,
        @NotBlank String accessKey,
        @NotBlank String secretKey,
        @Bindable(defaultValue = "true") boolean pathStyle) {

    @Override
    public String toString() {
        return "S3Settings[" + endpoint + ", " + bucket + "]";
    }
}
