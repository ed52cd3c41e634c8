package dev.dsrflow.api.products;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.product.Capability;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A registered product and whether its worker is polling. */
@Serdeable
@Schema(name = "Product")
public record ProductView(
        String id,
        String displayName,
        List<InformationCategory> categories,
        List<Capability> capabilities,
        boolean automated,
        String taskQueue,
        boolean workerOnline) {}
