package dev.dsrflow.api.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/**
 * A user of HTTP Basic authentication, declared under {@code dsrflow.security.users.<name>}
 * with {@code password-hash} (a bcrypt hash, e.g. from {@code htpasswd -nbBC 12 <name> <password>};
 * never the password itself), {@code roles} (see {@link Roles}) and, for product teams,
 * {@code products}.
 */
@EachProperty("dsrflow.security.users")
public class ConfiguredUser {
    private final String name;
    private String passwordHash;
    private List<String> roles = List.of();
    private List<String> products = List.of();

    public ConfiguredUser(@Parameter String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The bcrypt hash of the user's password. */
    public String passwordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public List<String> roles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** For PRODUCT users: the products whose requests they may read. */
    public List<String> products() {
        return products;
    }

    public void setProducts(List<String> products) {
        this.products = products == null ? List.of() : List.copyOf(products);
    }

    @Override
    public String toString() {
        return "ConfiguredUser[" + name + " " + roles + "]";
    }
}
