package dev.dsrflow.product.activity;

import dev.dsrflow.model.SubjectIdentifiers;
import java.util.List;

/**
 * A product's answer to {@link ProductActivities#resolve}: every identifier of the subject's
 * accounts, one entry per account, what it was given included. Personal data: travels only in
 * encrypted payloads, never logged.
 *
 * @param identities the identifier sets, what was given first
 */
public record ResolvedIdentifiers(List<SubjectIdentifiers> identities) {
    @Override
    public String toString() {
        return "ResolvedIdentifiers[" + identities.size() + " identities]";
    }
}
