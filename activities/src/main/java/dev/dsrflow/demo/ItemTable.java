package dev.dsrflow.demo;

import dev.dsrflow.catalogue.InformationCategory;

/**
 * One table of a demo product holding items of one information category. Every item table
 * has {@code id}, {@code account_id}, {@code created_at} and {@code restricted} columns plus
 * its own domain columns (each with a default, so tests can add items by time alone).
 */
public record ItemTable(String name, InformationCategory category) {
    public ItemTable {
        if (!name.matches("[a-z][a-z_]{1,40}")) {
            throw new IllegalArgumentException("table names are lower_snake_case: " + name);
        }
    }
}
