package dev.dsrflow.demo;

/** A demo product's database failed; transient, so the platform retries the call. */
public final class DemoStoreException extends RuntimeException {
  DemoStoreException(String product, Throwable cause) {
    super("database of demo product " + product + " failed: " + cause.getMessage(), cause);
  }
}
