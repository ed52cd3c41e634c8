package dev.dsrflow.console;

/**
 * The login page: the form's CSRF token, why the last attempt failed if it did, whether the
 * password form is offered, and where the identity provider's sign-in starts (null: not offered).
 */
public record LoginPage(String csrf, String error, boolean passwords, String oidcHref) {}
