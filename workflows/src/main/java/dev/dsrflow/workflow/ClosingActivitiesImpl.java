package dev.dsrflow.workflow;

import dev.dsrflow.certificate.CertificateActivities;
import dev.dsrflow.ledger.LedgerActivities;
import dev.dsrflow.ledger.LedgerEntry;
import dev.dsrflow.notification.NotificationActivities;
import dev.dsrflow.report.AccessReportActivities;

/** {@link ClosingActivities} from the orchestrator's ledger, report and notification activities. */
public final class ClosingActivitiesImpl implements ClosingActivities {
    private final LedgerActivities ledger;
    private final AccessReportActivities reports;
    private final CertificateActivities certificates;
    private final NotificationActivities notifications;

    public ClosingActivitiesImpl(
            LedgerActivities ledger,
            AccessReportActivities reports,
            CertificateActivities certificates,
            NotificationActivities notifications) {
        this.ledger = ledger;
        this.reports = reports;
        this.certificates = certificates;
        this.notifications = notifications;
    }

    @Override
    public void close(Closing closing) {
        ledger.record(closing.entry());
        notifications.send(closing.notice());
    }

    @Override
    public void closeAccess(AccessClosing closing) {
        reports.build(closing.report());
        close(closing.closing());
    }

    @Override
    public String closeDeletion(DeletionClosing closing) {
        String certificate = certificates.issue(closing.evidence());
        LedgerEntry entry = closing.closing().entry();
        close(new Closing(
                new LedgerEntry(entry.snapshot().withCertificate(certificate), entry.events()),
                closing.closing().notice()));
        return certificate;
    }
}
