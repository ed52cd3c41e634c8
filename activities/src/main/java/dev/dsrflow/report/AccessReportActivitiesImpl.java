package dev.dsrflow.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dsrflow.blob.BlobStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds access reports into the blob store. */
public final class AccessReportActivitiesImpl implements AccessReportActivities {
    private final BlobStore blobs;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public AccessReportActivitiesImpl(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public AccessReportRef build(AccessReportInput input) {
        AccessReport report = AccessReport.of(input);
        try {
            try (OutputStream out = blobs.create(ReportKeys.json(input.requestId()))) {
                out.write(json.writeValueAsBytes(report));
            }
            try (OutputStream out = blobs.create(ReportKeys.html(input.requestId()))) {
                out.write(AccessReportPage.render(report).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the access report", e);
        }
        return new AccessReportRef(
                ReportKeys.json(input.requestId()),
                ReportKeys.html(input.requestId()),
                report.totalItems(),
                report.distinctCategories());
    }
}
