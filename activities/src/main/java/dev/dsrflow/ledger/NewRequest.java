package dev.dsrflow.ledger;

import dev.dsrflow.model.RequestSpec;
import java.util.List;

/**
 * A request as the API accepts it, before its workflow starts.
 *
 * @param spec the request (its identifiers are not stored in plain columns)
 * @param specCiphertext the spec, encrypted, kept for re-driving a lost workflow
 * @param subjectKeys keys of every identifier, for search
 * @param idempotencyKey the client's Idempotency-Key header, or null
 * @param requestHash hash of the request body, to tell a replay from a conflicting reuse
 * @param contactCiphertext the subject's contact address, sealed, or null when notices go nowhere
 */
public record NewRequest(
        RequestSpec spec,
        byte[] specCiphertext,
        List<String> subjectKeys,
        String idempotencyKey,
        String requestHash,
        byte[] contactCiphertext) {

    /** A request without a contact address. */
    public NewRequest(
            RequestSpec spec,
            byte[] specCiphertext,
            List<String> subjectKeys,
            String idempotencyKey,
            String requestHash) {
        this(spec, specCiphertext, subjectKeys, idempotencyKey, requestHash, null);
    }
}
