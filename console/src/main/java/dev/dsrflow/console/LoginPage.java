package dev.dsrflow.console;

/** The login page: the form's CSRF token and why the last attempt failed, if it did. */
public record LoginPage(String csrf, String error) {}
