package dev.dsrflow.conformance;

import static dev.dsrflow.conformance.ConformanceRule.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportedFile;
import dev.dsrflow.product.ProductScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules about exports: content, digests, format, repeatability, scope and resumption. */
public interface ExportRules extends ConformanceHooks {

    @Test
    @DisplayName("export contains what locate counted")
    default void exportContainsWhatLocateCounted() {
        KitSubject subject = seededSubject();
        MemoryExportSink sink = new MemoryExportSink();

        long located = handler().locate(subject.ref(), ProductScope.EVERYTHING).totalItems();
        ExportManifest manifest = handler()
                .export(subject.ref(), ProductScope.EVERYTHING, ExportFormat.JSON, sink, RecordingProgress.fresh());

        assertThat(manifest.totalItems())
                .as(EXPORT_CONTAINS_WHAT_LOCATE_COUNTED.because("file item counts add up to locate"))
                .isEqualTo(located)
                .isEqualTo(seededTotal());
        assertFilesMatchTheirManifest(manifest, sink, EXPORT_CONTAINS_WHAT_LOCATE_COUNTED);
    }

    @Test
    @DisplayName("export writes the requested format")
    default void exportWritesTheRequestedFormat() {
        KitSubject subject = seededSubject();
        MemoryExportSink json = new MemoryExportSink();
        MemoryExportSink html = new MemoryExportSink();

        ExportManifest asJson = handler()
                .export(subject.ref(), ProductScope.EVERYTHING, ExportFormat.JSON, json, RecordingProgress.fresh());
        ExportManifest asHtml = handler()
                .export(subject.ref(), ProductScope.EVERYTHING, ExportFormat.HTML, html, RecordingProgress.fresh());

        assertThat(asJson.files())
                .as(EXPORT_WRITES_THE_FORMAT.because("JSON export writes files"))
                .isNotEmpty();
        for (ExportedFile f : asJson.files()) {
            assertThatCode(() -> new ObjectMapper().readTree(json.bytes(f.path())))
                    .as(EXPORT_WRITES_THE_FORMAT.because(f.path() + " is valid JSON"))
                    .doesNotThrowAnyException();
            assertThat(f.path())
                    .as(EXPORT_WRITES_THE_FORMAT.because("JSON files end in .json"))
                    .endsWith(".json");
        }
        assertThat(asHtml.totalItems())
                .as(EXPORT_WRITES_THE_FORMAT.because("HTML export holds the same items"))
                .isEqualTo(asJson.totalItems());
        for (ExportedFile f : asHtml.files()) {
            String page = new String(html.bytes(f.path()), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            assertThat(page)
                    .as(EXPORT_WRITES_THE_FORMAT.because(f.path() + " is an HTML page"))
                    .contains("<html", "</html>");
            assertThat(f.path())
                    .as(EXPORT_WRITES_THE_FORMAT.because("HTML files end in .html"))
                    .endsWith(".html");
        }
    }

    @Test
    @DisplayName("export is repeatable")
    default void exportIsRepeatable() {
        KitSubject subject = seededSubject();
        MemoryExportSink sink = new MemoryExportSink();

        ExportManifest first = handler()
                .export(subject.ref(), ProductScope.EVERYTHING, ExportFormat.JSON, sink, RecordingProgress.fresh());
        ExportManifest second = handler()
                .export(subject.ref(), ProductScope.EVERYTHING, ExportFormat.JSON, sink, RecordingProgress.fresh());

        assertThat(second)
                .as(EXPORT_IS_REPEATABLE.because("the same export twice writes the same files"))
                .isEqualTo(first);
        assertFilesMatchTheirManifest(second, sink, EXPORT_IS_REPEATABLE);
    }

    @Test
    @DisplayName("export honours the date range")
    default void exportHonoursTheDateRange() {
        KitSubject subject = seededSubject();
        MemoryExportSink sink = new MemoryExportSink();

        ExportManifest manifest = handler()
                .export(subject.ref(), ConformanceHooks.middle(), ExportFormat.JSON, sink, RecordingProgress.fresh());

        assertThat(manifest.totalItems())
                .as(EXPORT_HONOURS_DATE_RANGE.because("only items in [from, to) are exported"))
                .isEqualTo(middleTotal());
        assertFilesMatchTheirManifest(manifest, sink, EXPORT_HONOURS_DATE_RANGE);
    }

    @Test
    @DisplayName("an interrupted export resumes from its checkpoint")
    default void anInterruptedExportResumes() {
        KitSubject subject = seededSubject();
        MemoryExportSink sink = new MemoryExportSink();
        RecordingProgress crashing = RecordingProgress.crashingAfterFirstCheckpoint();

        assertThatThrownBy(() ->
                        handler().export(subject.ref(), ProductScope.EVERYTHING, ExportFormat.JSON, sink, crashing))
                .as(EXPORT_RESUMES.because("a multi-file export checkpoints after a file"))
                .isInstanceOf(RecordingProgress.SimulatedCrash.class);
        ExportManifest resumed = handler()
                .export(
                        subject.ref(),
                        ProductScope.EVERYTHING,
                        ExportFormat.JSON,
                        sink,
                        RecordingProgress.resumingFrom(crashing.last().orElseThrow()));

        assertThat(resumed.totalItems())
                .as(EXPORT_RESUMES.because("the resumed export lists every item"))
                .isEqualTo(seededTotal());
        assertFilesMatchTheirManifest(resumed, sink, EXPORT_RESUMES);
    }

    private static void assertFilesMatchTheirManifest(
            ExportManifest manifest, MemoryExportSink sink, ConformanceRule rule) {
        for (ExportedFile f : manifest.files()) {
            byte[] bytes = sink.bytes(f.path());
            assertThat(bytes)
                    .as(rule.because(f.path() + " was written to the sink"))
                    .isNotNull();
            assertThat(f.bytes())
                    .as(rule.because(f.path() + " size matches its bytes"))
                    .isEqualTo(bytes.length);
            assertThat(f.sha256())
                    .as(rule.because(f.path() + " SHA-256 matches its bytes"))
                    .isEqualTo(sha256(bytes));
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
