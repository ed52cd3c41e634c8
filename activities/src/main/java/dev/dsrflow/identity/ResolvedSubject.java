package dev.dsrflow.identity;

import dev.dsrflow.model.SubjectIdentifiers;
import java.util.List;

/**
 * A request's subject after identity resolution: what was filed and every identity the products
 * that own identity answered with. Personal data: encrypted in payloads, never logged.
 *
 * @param filedKey the request's filed subject key (the key of the filed primary identifier)
 * @param filed the identifiers as filed
 * @param identities every identity found, what was filed included
 */
public record ResolvedSubject(String filedKey, SubjectIdentifiers filed, List<SubjectIdentifiers> identities) {
    /**
     * The ledger event a request records once its subject is resolved (detail: the keys, never the
     * identifiers); the snapshot written with it carries the keys, which the ledger then keeps.
     */
    public static final String RESOLVED_EVENT = "SUBJECT_RESOLVED";

    @Override
    public String toString() {
        return "ResolvedSubject[" + filedKey + ", " + identities.size() + " identities]";
    }
}
