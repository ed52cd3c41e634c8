package dev.dsrflow.model;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.product.RecordedCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything a request workflow needs, fixed when the API accepts the request. Every deadline
 * derives from {@code receivedAt}, never from the workflow's own start, so a re-driven
 * workflow keeps its dates.
 *
 * @param id request id (also the workflow id suffix)
 * @param type request type
 * @param subject the subject's identifiers (encrypted in Temporal payloads, never logged)
 * @param subjectKey pseudonymous key of the subject
 * @param jurisdiction deadline regime
 * @param products products in scope (resolved: never empty)
 * @param categories categories in scope (empty: all)
 * @param dateRange date range in scope
 * @param format export format (download only)
 * @param legalProcess legal process (preservation only)
 * @param requestedBy the acting user who filed it
 * @param receivedAt when the API accepted it
 * @param note free text from the filer
 * @param policy durations configured when it was filed
 * @param catalogue the product catalogue as configured when it was filed, for the products in scope:
 *     the workflows run on this record, never the live configuration, so a product changed or removed
 *     in configuration never breaks a request in flight. A product in {@code products} but not here
 *     needs an operator.
 * @param verification whether the subject must confirm a code first (null: {@link Verification#VERIFIED})
 * @param notifySubject whether a contact address is sealed with the request in the ledger: the
 *     subject is then sent notices (the address itself is never in the spec's notices)
 */
public record RequestSpec(
        String id,
        RequestType type,
        SubjectIdentifiers subject,
        String subjectKey,
        Jurisdiction jurisdiction,
        List<String> products,
        Set<InformationCategory> categories,
        DateRange dateRange,
        ExportFormat format,
        LegalProcess legalProcess,
        String requestedBy,
        Instant receivedAt,
        String note,
        RequestPolicy policy,
        RecordedCatalogue catalogue,
        Verification verification,
        boolean notifySubject) {

    public RequestSpec {
        catalogue = catalogue == null ? RecordedCatalogue.NONE : catalogue;
        if (verification == null) {
            verification = Verification.VERIFIED;
        }
    }

    /** A request privacy-ops vouch for, with no notice to the subject and no recorded catalogue. */
    public RequestSpec(
            String id,
            RequestType type,
            SubjectIdentifiers subject,
            String subjectKey,
            Jurisdiction jurisdiction,
            List<String> products,
            Set<InformationCategory> categories,
            DateRange dateRange,
            ExportFormat format,
            LegalProcess legalProcess,
            String requestedBy,
            Instant receivedAt,
            String note,
            RequestPolicy policy) {
        this(
                id,
                type,
                subject,
                subjectKey,
                jurisdiction,
                products,
                categories,
                dateRange,
                format,
                legalProcess,
                requestedBy,
                receivedAt,
                note,
                policy,
                RecordedCatalogue.NONE,
                Verification.VERIFIED,
                false);
    }

    /** A request privacy-ops vouch for, with no notice to the subject, on this catalogue. */
    public RequestSpec(
            String id,
            RequestType type,
            SubjectIdentifiers subject,
            String subjectKey,
            Jurisdiction jurisdiction,
            List<String> products,
            Set<InformationCategory> categories,
            DateRange dateRange,
            ExportFormat format,
            LegalProcess legalProcess,
            String requestedBy,
            Instant receivedAt,
            String note,
            RequestPolicy policy,
            RecordedCatalogue catalogue) {
        this(
                id,
                type,
                subject,
                subjectKey,
                jurisdiction,
                products,
                categories,
                dateRange,
                format,
                legalProcess,
                requestedBy,
                receivedAt,
                note,
                policy,
                catalogue,
                Verification.VERIFIED,
                false);
    }

    /** Whether the subject must confirm a code before work starts. */
    public boolean needsVerification() {
        return verification == Verification.REQUIRED;
    }

    @Override
    public String toString() {
        return "RequestSpec[" + id + " " + type + " " + subjectKey + "]";
    }
}
