package dev.dsrflow.packaging;

import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.notification.BlobOutboxNotifications;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges download packages whose link expired: the package, the staging area and the link token
 * in the request's outbox notices, then records it in the ledger ({@code PACKAGE_PURGED}, and
 * {@code download.purged}). It reads what to purge from the ledger, not from a workflow timer, so
 * a package is purged at expiry even when the runtime was down or restarted in between (the
 * in-memory test server keeps no timer across a restart). Safe to run from several processes at
 * once: purging is idempotent and the ledger marks a package purged once.
 */
public final class PackageExpiry {
    /** The ledger event that says a package was purged. */
    public static final String PURGED = "PACKAGE_PURGED";

    private static final Logger LOG = LoggerFactory.getLogger(PackageExpiry.class);
    private static final int BATCH = 200;

    private final LedgerStore ledger;
    private final PackagingActivities packaging;
    private final BlobOutboxNotifications outbox;

    public PackageExpiry(LedgerStore ledger, PackagingActivities packaging, BlobOutboxNotifications outbox) {
        this.ledger = ledger;
        this.packaging = packaging;
        this.outbox = outbox;
    }

    /** Purges every package whose link expired at or before {@code now}; returns how many it purged. */
    public int sweep(Instant now) {
        int purged = 0;
        List<String> expired;
        do {
            expired = ledger.expiredPackages(now, BATCH);
            for (String requestId : expired) {
                int blobs = packaging.purge(requestId);
                int notices = outbox.forgetLinkTokens(requestId);
                String detail = "link expired; " + blobs + " blobs deleted"
                        + (notices == 0 ? "" : ", link token removed from " + notices + " queued notices");
                if (ledger.packagePurged(
                        requestId,
                        new LedgerEvent(requestId + ":package-purged", now, "system", PURGED, null, detail))) {
                    purged++;
                }
            }
        } while (expired.size() == BATCH);
        if (purged > 0) {
            LOG.info("purged {} expired download package(s)", purged);
        }
        return purged;
    }
}
