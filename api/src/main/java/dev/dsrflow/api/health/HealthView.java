package dev.dsrflow.api.health;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** {@code UP} only when every component answers; each component's own status alongside. */
@Serdeable
@Schema(name = "Health")
public record HealthView(String status, Map<String, String> components) {}
