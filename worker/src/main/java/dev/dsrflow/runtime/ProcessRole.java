package dev.dsrflow.runtime;

import java.util.Locale;

/** What one dsrflow process runs. */
public enum ProcessRole {
    /** Everything in one JVM: embedded infrastructure where not configured, API, orchestrator, demo products. */
    ALL,
    /** The HTTP API only. */
    API,
    /** The orchestrator worker only: workflows and orchestrator-side activities. */
    ORCHESTRATOR,
    /** Product workers only (the demo products named in {@code dsrflow.product-workers.products}). */
    PRODUCTS,
    /**
     * The benchmark command ({@code dev.dsrflow.bench}): starts the embedded runtime itself, measures,
     * prints, exits.
     */
    BENCH;

    /** Parses a command-line role, e.g. {@code api} or {@code orchestrator}. */
    public static ProcessRole parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown role '" + value + "': use all, api, orchestrator, products or bench");
        }
    }
}
