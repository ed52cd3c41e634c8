package dev.dsrflow.conformance;

import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.SubjectRef;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A synthetic subject unique to one test, so tests sharing a database never see each other's
 * items: {@code kit-<random>} with a matching email and phone.
 */
public record KitSubject(SubjectIdentifiers identifiers, SubjectRef ref) {
    /** A new subject nobody has seeded yet. */
    public static KitSubject create() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String phone = "+1999" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        SubjectIdentifiers ids = new SubjectIdentifiers("kit-" + tag, "kit-" + tag + "@example.test", phone);
        return new KitSubject(ids, new SubjectRef(ids, "sk-kit-" + tag));
    }

    /** The same subject known by its email alone. */
    public SubjectRef byEmailOnly() {
        return new SubjectRef(new SubjectIdentifiers(null, identifiers.email(), null), ref.subjectKey());
    }

    /** The same subject known by its phone alone. */
    public SubjectRef byPhoneOnly() {
        return new SubjectRef(new SubjectIdentifiers(null, null, identifiers.phone()), ref.subjectKey());
    }
}
