package dev.dsrflow.workflow;

import dev.dsrflow.certificate.DeletionEvidence;
import dev.dsrflow.ledger.LedgerEntry;
import dev.dsrflow.notification.Notice;
import dev.dsrflow.report.AccessReportInput;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * A request's last steps in one local activity (one marker event instead of one per step): its
 * last ledger entry (with every transition not written yet) and its notice, and before them an
 * access request's report or a deletion's certificate. Each step is idempotent (the ledger by
 * event id, the report by its blob key, the certificate by its evidence, the notice by its id),
 * so a retried call repeats nothing.
 */
@ActivityInterface(namePrefix = "Closing")
public interface ClosingActivities {
    /**
     * The request's last write and its notice.
     *
     * @param entry the ledger entry
     * @param notice the notice, sent once the ledger has the entry
     */
    record Closing(LedgerEntry entry, Notice notice) {}

    /**
     * An access request's report, then its last write and notice.
     *
     * @param report the report to build (its blob key is {@code ReportKeys.json})
     * @param closing the last write and notice, made once the report is stored
     */
    record AccessClosing(AccessReportInput report, Closing closing) {}

    /**
     * A deletion's certificate, then its last write (carrying the certificate) and notice.
     *
     * @param evidence what the certificate attests
     * @param closing the last write and notice, made once the certificate is signed
     */
    record DeletionClosing(DeletionEvidence evidence, Closing closing) {}

    /** Writes the entry, then sends the notice. */
    @ActivityMethod
    void close(Closing closing);

    /** Builds the report, writes the entry, then sends the notice. */
    @ActivityMethod
    void closeAccess(AccessClosing closing);

    /** Issues the certificate, writes the entry with it, then sends the notice; returns the certificate. */
    @ActivityMethod
    String closeDeletion(DeletionClosing closing);
}
