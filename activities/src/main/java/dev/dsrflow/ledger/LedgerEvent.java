package dev.dsrflow.ledger;

import java.time.Instant;

/**
 * One row of a request's append-only audit log.
 *
 * @param id deterministic id chosen by the writer (e.g. {@code <requestId>:<seq>}): writing the
 *     same id twice stores it once, so a retried activity never duplicates an event
 * @param at when it happened
 * @param actor who did it ({@code system} for the workflow itself)
 * @param kind what happened (FILED, APPROVED, PRODUCT_DONE, ...)
 * @param product the product concerned, or null
 * @param detail free text without subject identifiers
 */
public record LedgerEvent(String id, Instant at, String actor, String kind, String product, String detail) {}
