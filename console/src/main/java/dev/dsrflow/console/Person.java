package dev.dsrflow.console;

import dev.dsrflow.api.security.Roles;
import java.util.Set;

/**
 * The person a page is rendered for: name, roles and the CSRF token their forms carry.
 * Pages use the roles only to decide what to offer; the API decides what is allowed.
 */
public record Person(String name, Set<String> roles, String csrf) {
    public boolean ops() {
        return roles.contains(Roles.PRIVACY_OPS);
    }

    public boolean legal() {
        return roles.contains(Roles.LEGAL);
    }

    public boolean auditor() {
        return roles.contains(Roles.AUDITOR);
    }

    /** Whether the person may act on anything at all (auditors only read). */
    public boolean actor() {
        return ops() || legal();
    }

    public String rolesText() {
        return String.join(", ", roles.stream().sorted().toList());
    }
}
