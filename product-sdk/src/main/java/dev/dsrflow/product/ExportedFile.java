package dev.dsrflow.product;

/** One file an export wrote, relative to the product's folder in the staging area. */
public record ExportedFile(String path, long bytes, String sha256, long items) {}
