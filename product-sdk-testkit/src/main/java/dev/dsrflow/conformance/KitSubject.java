package dev.dsrflow.conformance;

import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.IdentifierKind;
import dev.dsrflow.product.SubjectRef;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A synthetic subject unique to one test, so tests sharing a store never see each other's items:
 * user id {@code kit-<random>}, a matching e-mail and a phone number.
 *
 * @param identifiers what the product holds on the subject: only the identifier kinds it declares
 *     (what {@link ConformanceHooks#seed} and {@link ConformanceHooks#visibleItems} receive)
 * @param ref the subject as a request names it: every identifier kind, held or not
 * @param role what the subject is to the rule, shown in failure messages
 */
public record KitSubject(SubjectIdentifiers identifiers, SubjectRef ref, String role) {
    private static final Map<String, String> ROLES = new ConcurrentHashMap<>();

    /** A new subject nobody has seeded yet, holding every identifier kind. */
    public static KitSubject create() {
        return create(Set.of(IdentifierKind.values()), "the subject");
    }

    /** A new subject nobody has seeded yet; the product holds only the given identifier kinds. */
    public static KitSubject create(Set<IdentifierKind> held, String role) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String userId = "kit-" + tag;
        String email = "kit-" + tag + "@example.test";
        String phone = "+1999" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        SubjectIdentifiers all = new SubjectIdentifiers(userId, email, phone);
        SubjectIdentifiers kept = new SubjectIdentifiers(
                held.contains(IdentifierKind.USER_ID) ? userId : null,
                held.contains(IdentifierKind.EMAIL) ? email : null,
                held.contains(IdentifierKind.PHONE) ? phone : null);
        SubjectRef ref = new SubjectRef(all, "sk-kit-" + tag);
        ROLES.put(ref.subjectKey(), role);
        return new KitSubject(kept, ref, role);
    }

    /** The same subject known by one identifier kind alone. */
    public SubjectRef byOnly(IdentifierKind kind) {
        SubjectIdentifiers all = ref.identifiers();
        return new SubjectRef(
                new SubjectIdentifiers(
                        kind == IdentifierKind.USER_ID ? all.userId() : null,
                        kind == IdentifierKind.EMAIL ? all.email() : null,
                        kind == IdentifierKind.PHONE ? all.phone() : null),
                ref.subjectKey());
    }

    /** The same subject known by its email alone. */
    public SubjectRef byEmailOnly() {
        return byOnly(IdentifierKind.EMAIL);
    }

    /** The same subject known by its phone alone. */
    public SubjectRef byPhoneOnly() {
        return byOnly(IdentifierKind.PHONE);
    }

    /** A subject reference in words, for failure messages: its role and which identifiers it carries. */
    static String describe(SubjectRef ref) {
        String role = ROLES.getOrDefault(ref.subjectKey(), "subject " + ref.subjectKey());
        SubjectIdentifiers ids = ref.identifiers();
        boolean onlyOne =
                (ids.userId() == null ? 0 : 1) + (ids.email() == null ? 0 : 1) + (ids.phone() == null ? 0 : 1) == 1;
        if (!onlyOne) {
            return role;
        }
        for (IdentifierKind kind : IdentifierKind.values()) {
            if (kind.of(ids) != null) {
                return role + " by " + kind + " alone";
            }
        }
        return role;
    }
}
