package dev.dsrflow.runtime;

import java.util.Map;

/** Which parts of dsrflow a role switches on. */
final class RoleProperties {
    private RoleProperties() {}

    static Map<String, Object> of(ProcessRole role) {
        return switch (role) {
            case ALL, BENCH ->
                Map.of(
                        "dsrflow.api.enabled",
                        true,
                        "dsrflow.orchestrator.enabled",
                        true,
                        "dsrflow.product-workers.enabled",
                        true,
                        "dsrflow.demo.enabled",
                        true);
            case API ->
                Map.of(
                        "dsrflow.api.enabled",
                        true,
                        "dsrflow.orchestrator.enabled",
                        false,
                        "dsrflow.product-workers.enabled",
                        false);
            case ORCHESTRATOR ->
                Map.of(
                        "dsrflow.api.enabled",
                        false,
                        "dsrflow.orchestrator.enabled",
                        true,
                        "dsrflow.product-workers.enabled",
                        false);
            case PRODUCTS ->
                Map.of(
                        "dsrflow.api.enabled",
                        false,
                        "dsrflow.orchestrator.enabled",
                        false,
                        "dsrflow.product-workers.enabled",
                        true);
        };
    }

    static String[] environments(ProcessRole role) {
        return role == ProcessRole.ALL || role == ProcessRole.BENCH
                ? new String[] {"embedded", "demo"}
                : new String[] {role.name().toLowerCase()};
    }
}
