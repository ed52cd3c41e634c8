package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportedFile;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;

/** Rules about exports: content, digests, format, repeatability, scope and resumption. */
public interface ExportRules extends ConformanceHooks {

    @ConformanceCheck(EXPORT_CONTAINS_WHAT_LOCATE_COUNTED)
    @DisplayName("export contains what locate counted")
    default void exportContainsWhatLocateCounted() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(EXPORT_CONTAINS_WHAT_LOCATE_COUNTED);
        MemoryExportSink sink = new MemoryExportSink();

        ExportManifest manifest = handler.export(
                subject.ref(), ProductScope.EVERYTHING, ExportFormat.JSON, sink, RecordingProgress.fresh());

        EXPORT_CONTAINS_WHAT_LOCATE_COUNTED.check(
                manifest.totalItems() == seededTotal(),
                "export listed " + manifest.totalItems() + " items of the subject's " + seededTotal());
        if (declares(Capability.LOCATE)) {
            long located =
                    handler.locate(subject.ref(), ProductScope.EVERYTHING).totalItems();
            EXPORT_CONTAINS_WHAT_LOCATE_COUNTED.check(
                    manifest.totalItems() == located,
                    "export listed " + manifest.totalItems() + " items where locate counted " + located);
        }
        checkFilesMatchTheirManifest(manifest, sink, EXPORT_CONTAINS_WHAT_LOCATE_COUNTED);
    }

    @ConformanceCheck(EXPORT_WRITES_THE_FORMAT)
    @DisplayName("export writes the requested format")
    default void exportWritesTheRequestedFormat() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(EXPORT_WRITES_THE_FORMAT);
        MemoryExportSink json = new MemoryExportSink();
        MemoryExportSink html = new MemoryExportSink();

        ExportManifest asJson = handler.export(
                subject.ref(), ProductScope.EVERYTHING, ExportFormat.JSON, json, RecordingProgress.fresh());
        ExportManifest asHtml = handler.export(
                subject.ref(), ProductScope.EVERYTHING, ExportFormat.HTML, html, RecordingProgress.fresh());

        EXPORT_WRITES_THE_FORMAT.check(!asJson.files().isEmpty(), "a JSON export of a seeded subject listed no file");
        for (ExportedFile f : asJson.files()) {
            EXPORT_WRITES_THE_FORMAT.check(
                    f.path().endsWith(".json"), "the JSON export wrote " + f.path() + ", not a .json file");
            byte[] bytes = json.bytes(f.path());
            EXPORT_WRITES_THE_FORMAT.check(bytes != null, "the JSON export listed " + f.path() + " but never wrote it");
            try {
                new ObjectMapper().readTree(bytes);
            } catch (IOException e) {
                throw EXPORT_WRITES_THE_FORMAT.broken(
                        "the JSON export wrote " + f.path() + ", which does not parse as JSON: " + e.getMessage(), e);
            }
        }
        EXPORT_WRITES_THE_FORMAT.check(
                asHtml.totalItems() == asJson.totalItems(),
                "the HTML export listed " + asHtml.totalItems() + " items, the JSON export " + asJson.totalItems());
        for (ExportedFile f : asHtml.files()) {
            EXPORT_WRITES_THE_FORMAT.check(
                    f.path().endsWith(".html"), "the HTML export wrote " + f.path() + ", not a .html file");
            byte[] bytes = html.bytes(f.path());
            String page = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            EXPORT_WRITES_THE_FORMAT.check(
                    page.contains("<html") && page.contains("</html>"),
                    "the HTML export wrote " + f.path() + " without an <html> element");
        }
    }

    @ConformanceCheck(EXPORT_IS_REPEATABLE)
    @DisplayName("export is repeatable")
    default void exportIsRepeatable() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(EXPORT_IS_REPEATABLE);
        MemoryExportSink sink = new MemoryExportSink();

        ExportManifest first = handler.export(
                subject.ref(), ProductScope.EVERYTHING, ExportFormat.JSON, sink, RecordingProgress.fresh());
        ExportManifest second = handler.export(
                subject.ref(), ProductScope.EVERYTHING, ExportFormat.JSON, sink, RecordingProgress.fresh());

        EXPORT_IS_REPEATABLE.check(
                second.equals(first),
                "the second export listed " + second.files() + " where the first listed " + first.files());
        checkFilesMatchTheirManifest(second, sink, EXPORT_IS_REPEATABLE);
    }

    @ConformanceCheck(EXPORT_HONOURS_DATE_RANGE)
    @DisplayName("export honours the date range")
    default void exportHonoursTheDateRange() {
        KitSubject subject = seededSubject();
        MemoryExportSink sink = new MemoryExportSink();

        ExportManifest manifest = handlerFor(EXPORT_HONOURS_DATE_RANGE)
                .export(subject.ref(), ConformanceHooks.middle(), ExportFormat.JSON, sink, RecordingProgress.fresh());

        EXPORT_HONOURS_DATE_RANGE.check(
                manifest.totalItems() == middleTotal(),
                "export of " + HandlerCalls.describe(ConformanceHooks.middle()) + " listed " + manifest.totalItems()
                        + " items; " + middleTotal() + " were created in that range");
        checkFilesMatchTheirManifest(manifest, sink, EXPORT_HONOURS_DATE_RANGE);
    }

    @ConformanceCheck(EXPORT_RESUMES)
    @DisplayName("an interrupted export resumes from its checkpoint")
    default void anInterruptedExportResumes() {
        KitSubject subject = seededSubject();
        ProductHandler handler = handlerFor(EXPORT_RESUMES);
        MemoryExportSink sink = new MemoryExportSink();
        RecordingProgress crashing = RecordingProgress.crashingAfterFirstCheckpoint();

        ExportManifest uninterrupted = null;
        try {
            uninterrupted = handler.export(subject.ref(), ProductScope.EVERYTHING, ExportFormat.JSON, sink, crashing);
        } catch (RecordingProgress.SimulatedCrash expected) {
            // the worker "died" right after the first checkpoint, as the kit intended
        }
        if (uninterrupted != null) {
            throw EXPORT_RESUMES.broken(
                    "the export of " + uninterrupted.totalItems() + " items in "
                            + uninterrupted.files().size()
                            + " file(s) finished without calling progress.checkpoint, so a retry would start over",
                    null);
        }
        String cursor = crashing.last().orElseThrow();
        ExportManifest resumed = handler.export(
                subject.ref(),
                ProductScope.EVERYTHING,
                ExportFormat.JSON,
                sink,
                RecordingProgress.resumingFrom(cursor));

        EXPORT_RESUMES.check(
                resumed.totalItems() == seededTotal(),
                "the export resumed from '" + cursor + "' listed " + resumed.totalItems() + " items of the subject's "
                        + seededTotal());
        checkFilesMatchTheirManifest(resumed, sink, EXPORT_RESUMES);
    }

    private static void checkFilesMatchTheirManifest(
            ExportManifest manifest, MemoryExportSink sink, ConformanceRule rule) {
        for (ExportedFile f : manifest.files()) {
            byte[] bytes = sink.bytes(f.path());
            rule.check(bytes != null, "the manifest listed " + f.path() + ", which was never written to the sink");
            rule.check(
                    f.bytes() == bytes.length,
                    "the manifest gave " + f.path() + " " + f.bytes() + " bytes; " + bytes.length + " were written");
            rule.check(
                    sha256(bytes).equals(f.sha256()),
                    "the manifest's SHA-256 of " + f.path() + " does not match the bytes written");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
