package dev.dsrflow.api.security;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a product team may read: only requests that involve its own products. The products come
 * from the user's {@code products} attribute (configured for Basic users, a {@code products}
 * claim in a JWT). Privacy-ops, legal and auditors are not restricted.
 */
public final class ProductAccess {
    /** The attribute (and JWT claim) naming a product team's products. */
    public static final String ATTRIBUTE = "products";

    private ProductAccess() {}

    /** Empty when the user reads everything; otherwise the products the user is limited to (maybe none). */
    public static Optional<Set<String>> of(Authentication user) {
        Collection<String> roles = user.getRoles();
        if (roles.contains(Roles.PRIVACY_OPS) || roles.contains(Roles.LEGAL) || roles.contains(Roles.AUDITOR)) {
            return Optional.empty();
        }
        Set<String> products = new LinkedHashSet<>();
        Object value = user.getAttributes().get(ATTRIBUTE);
        if (value instanceof Collection<?> list) {
            list.forEach(p -> products.add(String.valueOf(p)));
        } else if (value instanceof String text && !text.isBlank()) {
            for (String p : text.split(",")) {
                products.add(p.trim());
            }
        }
        return Optional.of(products);
    }
}
