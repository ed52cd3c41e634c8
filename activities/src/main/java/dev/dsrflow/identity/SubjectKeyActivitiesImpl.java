package dev.dsrflow.identity;

import dev.dsrflow.model.IdentifierNormalizer;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.model.SubjectKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keys every identifier with the configured {@link SubjectKey} (see {@link SubjectKeyActivities}). */
public final class SubjectKeyActivitiesImpl implements SubjectKeyActivities {
    private static final Logger log = LoggerFactory.getLogger(SubjectKeyActivitiesImpl.class);

    private final SubjectKey subjectKey;

    public SubjectKeyActivitiesImpl(SubjectKey subjectKey) {
        this.subjectKey = subjectKey;
    }

    /**
     * The filed primary identifier keeps the request's filed key (the one the API computed, and the
     * one every earlier registry and record of the request uses); every other identifier gets the
     * HMAC of its normalised form.
     */
    @Override
    public List<String> keys(ResolvedSubject subject) {
        IdentifierNormalizer normalizer = subjectKey.normalizer();
        String filedPrimary = primaryOf(normalizer, subject.filed());
        Set<String> keys = new LinkedHashSet<>();
        keys.add(subject.filedKey());
        List<String> others = new ArrayList<>();
        for (SubjectIdentifiers identity : subject.identities()) {
            for (String identifier : keyed(normalizer, identity, subject.filedKey())) {
                if (!identifier.equals(filedPrimary)) {
                    others.add(subjectKey.of(identifier));
                }
            }
        }
        others.stream().sorted().forEach(keys::add);
        return List.copyOf(keys);
    }

    private static String primaryOf(IdentifierNormalizer normalizer, SubjectIdentifiers filed) {
        try {
            List<String> keyed = normalizer.keyed(filed);
            return keyed.isEmpty() ? null : keyed.get(0);
        } catch (IdentifierNormalizer.InvalidIdentifierException e) {
            return null;
        }
    }

    /**
     * Each identifier of the identity, normalised; one that cannot be is left out (its kind logged, never
     * its value).
     */
    private static List<String> keyed(IdentifierNormalizer normalizer, SubjectIdentifiers identity, String request) {
        List<String> out = new ArrayList<>(3);
        SubjectIdentifiers[] singles = {
            new SubjectIdentifiers(identity.userId(), null, null),
            new SubjectIdentifiers(null, identity.email(), null),
            new SubjectIdentifiers(null, null, identity.phone())
        };
        for (SubjectIdentifiers single : singles) {
            try {
                out.addAll(normalizer.keyed(single));
            } catch (IdentifierNormalizer.InvalidIdentifierException e) {
                log.warn("subject {}: a resolved {} cannot be normalised and is not keyed", request, e.field());
            }
        }
        return out;
    }
}
