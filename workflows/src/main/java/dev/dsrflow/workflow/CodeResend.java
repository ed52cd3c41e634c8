package dev.dsrflow.workflow;

/**
 * A data subject asks for a new verification code (the last one expired, was lost or locked).
 *
 * @param channel who asked ("privacy-center", "drp"), for the ledger
 */
public record CodeResend(String channel) {}
