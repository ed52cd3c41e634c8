package dev.dsrflow.model;

/**
 * Whether a request's subject must prove control of their address before work starts.
 * Privacy-ops vouch for the people they file for ({@code VERIFIED}, the default); self-service
 * requests and those filed {@code REQUIRED} wait in {@code AWAITING_VERIFICATION} for a code
 * sent by e-mail.
 */
public enum Verification {
    VERIFIED,
    REQUIRED
}
