package dev.dsrflow.api.retention;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.packaging.PackageLayout;
import dev.dsrflow.report.ReportKeys;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dsrflow forgets too: once a request has been final for the record-keeping period
 * ({@code dsrflow.retention.record-keeping}, an ISO-8601 period, default {@code P24M}: CCPA
 * §7101's 24 months), its sealed spec and sealed contact address are erased and its staging area
 * and download package deleted, in batches, every {@code dsrflow.retention.sweep-interval}. The
 * request row and its events stay (they hold no identifier, only subject keys), so lists, the CSV
 * export and the verified history still show it; a {@value #EVENT} event by {@code dsrflow} records
 * the erasure. A request whose subject is under a preservation not yet final keeps everything.
 * Nothing needs the erased spec: only unfinished requests are ever re-driven.
 */
@Singleton
@Requires(property = "dsrflow.api.enabled", notEquals = "false") // API processes sweep, workers do not
public final class RecordKeeping {
    /** The ledger event kind that records an erasure. */
    public static final String EVENT = "SEALED_DATA_ERASED";

    private static final Logger LOG = LoggerFactory.getLogger(RecordKeeping.class);

    private final LedgerStore ledger;
    private final BlobStore blobs;
    private final Period period;
    private final int batchSize;
    private final Clock clock;

    @Inject
    RecordKeeping(
            LedgerStore ledger,
            BlobStore blobs,
            @Value("${dsrflow.retention.record-keeping:P24M}") String period,
            @Value("${dsrflow.retention.batch-size:100}") int batchSize) {
        this(ledger, blobs, parse(period), batchSize, Clock.systemUTC());
    }

    RecordKeeping(LedgerStore ledger, BlobStore blobs, Period period, int batchSize, Clock clock) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("dsrflow.retention.batch-size must be at least 1, not " + batchSize);
        }
        this.ledger = ledger;
        this.blobs = blobs;
        this.period = period;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    private static Period parse(String period) {
        try {
            Period p = Period.parse(period);
            if (p.isNegative() || p.isZero()) {
                throw new IllegalArgumentException("dsrflow.retention.record-keeping must be positive, not " + period);
            }
            return p;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "dsrflow.retention.record-keeping must be an ISO-8601 period such as P24M, not " + period, e);
        }
    }

    /** The same job on another clock (tests move it forward). */
    public RecordKeeping withClock(Clock other) {
        return new RecordKeeping(ledger, blobs, period, batchSize, other);
    }

    @Scheduled(
            fixedDelay = "${dsrflow.retention.sweep-interval:6h}",
            initialDelay = "${dsrflow.retention.initial-delay:5m}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn(
                    "record-keeping sweep failed, next sweep retries: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Erases the sealed data of every request past the period, batch by batch; returns how many. */
    public int sweep() {
        Instant now = clock.instant();
        Instant finishedBefore = now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
        int erased = 0;
        while (true) {
            List<String> batch = ledger.eraseSealedData(finishedBefore, now, batchSize, this::event, this::deleteBlobs);
            erased += batch.size();
            if (batch.size() < batchSize) {
                break;
            }
        }
        if (erased > 0) {
            LOG.info("record keeping: erased the sealed data of {} request(s) final before {}", erased, finishedBefore);
        }
        return erased;
    }

    private LedgerEvent event(String requestId) {
        return new LedgerEvent(
                requestId + ":sealed-erased",
                clock.instant(),
                "dsrflow",
                EVENT,
                null,
                "record-keeping period " + period + " over: sealed spec, contact address, packages and reports erased");
    }

    private void deleteBlobs(String requestId) throws IOException {
        blobs.deletePrefix(PackageLayout.staging(requestId));
        blobs.deletePrefix(PackageLayout.packageKey(requestId));
        blobs.deletePrefix(ReportKeys.json(requestId));
        blobs.deletePrefix(ReportKeys.html(requestId));
    }
}
