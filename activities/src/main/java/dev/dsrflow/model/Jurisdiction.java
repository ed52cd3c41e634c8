package dev.dsrflow.model;

/** The legal regime whose deadlines apply to a request. */
public enum Jurisdiction {
    GDPR,
    CCPA,
    OTHER
}
