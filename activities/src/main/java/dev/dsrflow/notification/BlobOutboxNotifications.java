package dev.dsrflow.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dsrflow.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Queues notices as JSON files under {@code notifications/<requestId>/} in the blob store. */
public final class BlobOutboxNotifications implements NotificationActivities {
    private final BlobStore blobs;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public BlobOutboxNotifications(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** Where a notice is queued. */
    public static String key(Notice notice) {
        return "notifications/" + notice.requestId() + "/" + notice.id().replace(':', '-') + ".json";
    }

    @Override
    public void send(Notice notice) {
        write(key(notice), notice);
    }

    /**
     * Removes the download link token from every notice of the request still in the outbox (once
     * the link expired, nothing keeps it); returns how many notices held one.
     */
    public int forgetLinkTokens(String requestId) {
        int forgotten = 0;
        try {
            for (String key : blobs.list("notifications/" + requestId + "/")) {
                Notice notice;
                try (InputStream in = blobs.open(key)) {
                    notice = json.readValue(in, Notice.class);
                }
                if (notice.linkToken() != null) {
                    write(key, notice.withoutLinkToken());
                    forgotten++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the outbox", e);
        }
        return forgotten;
    }

    private void write(String key, Notice notice) {
        try (OutputStream out = blobs.create(key)) {
            out.write(json.writeValueAsBytes(notice));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot queue the notice", e);
        }
    }
}
