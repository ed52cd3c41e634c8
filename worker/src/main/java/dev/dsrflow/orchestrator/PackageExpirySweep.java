package dev.dsrflow.orchestrator;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.notification.BlobOutboxNotifications;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.packaging.PackageExpiry;
import dev.dsrflow.packaging.PackagingActivitiesImpl;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges expired download packages ({@link PackageExpiry}) at start-up, so what expired while the
 * runtime was down goes at once, and then every {@code dsrflow.download.purge-interval} (default a
 * minute).
 */
@Singleton
@Requires(property = "dsrflow.orchestrator.enabled", value = "true")
class PackageExpirySweep implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(PackageExpirySweep.class);

    private final PackageExpiry expiry;

    PackageExpirySweep(LedgerStore ledger, BlobStore blobs, DownloadLinks links) {
        this.expiry = new PackageExpiry(
                ledger, new PackagingActivitiesImpl(blobs, links), new BlobOutboxNotifications(blobs));
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        sweep();
    }

    @Scheduled(
            fixedDelay = "${dsrflow.download.purge-interval:60s}",
            initialDelay = "${dsrflow.download.purge-interval:60s}")
    void periodically() {
        sweep();
    }

    private void sweep() {
        try {
            expiry.sweep(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("purging expired download packages failed, next try in a while: {}", e.toString());
        }
    }
}
