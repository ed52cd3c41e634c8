package dev.dsrflow.certificate;

/**
 * A deletion certificate as the request view shows it: the compact JWS and the id of the key
 * that signed it (also in the JWS header).
 */
public record Certificate(String jws, String keyId) {}
