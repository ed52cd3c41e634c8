package dev.dsrflow.demo;

import java.sql.SQLException;

/**
 * A demo product's database failed; transient, so the platform retries the call. Carries the
 * SQLState only: PostgreSQL's error details can quote row values (identifiers), and failures
 * end up in logs and workflow history.
 */
public final class DemoStoreException extends RuntimeException {
    DemoStoreException(String product, SQLException cause) {
        super("database of demo product " + product + " failed with SQLState " + cause.getSQLState());
    }
}
