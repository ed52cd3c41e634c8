package dev.dsrflow.api.config;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductSettings;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Set;

/**
 * One product declared under {@code dsrflow.products.<id>}.
 */
@EachProperty("dsrflow.products")
public record ProductEntry(
        @Parameter String name,
        @NotBlank String displayName,
        @Nullable Set<InformationCategory> categories,
        @Nullable Set<Capability> capabilities,
        @Bindable(defaultValue = "true") boolean automated,
        @Bindable(defaultValue = "1") String handlerVersion,
        @Bindable(defaultValue = "10m") Duration startToCloseTimeout,
        @Bindable(defaultValue = "1m") Duration heartbeatTimeout,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "1s") Duration initialRetryInterval,
        @Bindable(defaultValue = "0") double maxTasksPerSecond) {

    /** The orchestrator's settings for this product. */
    public ProductSettings toSettings() {
        ProductDescriptor descriptor = new ProductDescriptor(
                name,
                displayName,
                categories == null ? Set.of() : categories,
                capabilities == null ? Set.of() : capabilities,
                automated,
                handlerVersion);
        return new ProductSettings(
                descriptor,
                startToCloseTimeout,
                heartbeatTimeout,
                maxAttempts,
                initialRetryInterval,
                maxTasksPerSecond);
    }
}
