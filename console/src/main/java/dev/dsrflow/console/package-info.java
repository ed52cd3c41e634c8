/** The web console at {@code /console}. */
package dev.dsrflow.console;
