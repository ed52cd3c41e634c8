package dev.dsrflow.productworker.example;

import static dev.dsrflow.catalogue.InformationCategory.PURCHASES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.CategoryCount;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportSink;
import dev.dsrflow.product.ExportedFile;
import dev.dsrflow.product.IdentifierKind;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.VerificationReport;
import dev.dsrflow.productworker.example.LoyaltyStore.Entry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.owasp.encoder.Encode;

/**
 * The example for product teams: the loyalty-points product's handler. It maps dsrflow's
 * calls onto the team's own backend ({@link LoyaltyStore}), honours scope, is idempotent,
 * checkpoints long work and never logs identifiers. Run it with {@link LoyaltyPointsWorker};
 * prove it with the conformance kit ({@code LoyaltyPointsConformanceTest}).
 */
public final class LoyaltyPointsHandler implements ProductHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ProductDescriptor DESCRIPTOR = new ProductDescriptor(
            "loyalty",
            "Loyalty points",
            Set.of(PURCHASES),
            EnumSet.complementOf(EnumSet.of(Capability.RESOLVE)),
            true,
            "1.0.0",
            EnumSet.allOf(IdentifierKind.class));
    private static final int ERASE_CHUNK = 2;

    private final LoyaltyStore store;

    public LoyaltyPointsHandler(LoyaltyStore store) {
        this.store = store;
    }

    @Override
    public ProductDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Inventory locate(SubjectRef subject, ProductScope scope) {
        List<Entry> found = inScope(subject, scope);
        if (found.isEmpty()) {
            return new Inventory(List.of());
        }
        return new Inventory(List.of(new CategoryCount(
                PURCHASES,
                found.size(),
                found.stream().map(Entry::earnedAt).min(Comparable::compareTo).orElseThrow(),
                found.stream().map(Entry::earnedAt).max(Comparable::compareTo).orElseThrow())));
    }

    @Override
    public ExportManifest export(
            SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress progress) {
        if (progress.resumeFrom().isPresent()) {
            return new ExportManifest(
                    List.of(fileFromCursor(progress.resumeFrom().get())));
        }
        List<Entry> found = inScope(subject, scope);
        if (found.isEmpty()) {
            return new ExportManifest(List.of());
        }
        String path = format == ExportFormat.HTML ? "loyalty.html" : "loyalty.json";
        byte[] bytes = render(found, format).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = sink.open(path)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExportedFile file = new ExportedFile(path, bytes.length, sha256(bytes), found.size());
        progress.checkpoint(file.path() + "|" + file.bytes() + "|" + file.sha256() + "|" + file.items());
        return new ExportManifest(List.of(file));
    }

    @Override
    public long restrict(SubjectRef subject, ProductScope scope) {
        return member(subject, scope)
                .map(m -> store.setHidden(m, scope.dateRange(), true))
                .orElse(0L);
    }

    @Override
    public long unrestrict(SubjectRef subject, ProductScope scope) {
        return member(subject, scope)
                .map(m -> store.setHidden(m, scope.dateRange(), false))
                .orElse(0L);
    }

    @Override
    public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
        // Cursor "<run>:<last erased id>". The run is heartbeated before anything is deleted, so
        // every retry of this call tallies under it and the report counts all attempts.
        String cursor = progress.resumeFrom().orElseGet(() -> {
            String fresh = UUID.randomUUID() + ":0";
            progress.checkpoint(fresh);
            return fresh;
        });
        String run = cursor.substring(0, cursor.indexOf(':'));
        long afterId = Long.parseLong(cursor.substring(cursor.indexOf(':') + 1));
        Optional<String> member = member(subject, scope);
        while (member.isPresent()) {
            List<Entry> gone = store.deleteAfter(member.get(), scope.dateRange(), afterId, ERASE_CHUNK);
            if (gone.isEmpty()) {
                break;
            }
            store.tallyErased(subject.subjectKey(), run, gone.size());
            afterId = gone.get(gone.size() - 1).id();
            progress.checkpoint(run + ":" + afterId);
        }
        long erased = store.erasedInRun(run);
        return new ErasureReport(erased == 0 ? Map.of() : Map.of(PURCHASES, erased));
    }

    @Override
    public VerificationReport verifyErased(SubjectRef subject, ProductScope scope) {
        return new VerificationReport(inScope(subject, scope).size());
    }

    @Override
    public PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
        List<Entry> held = store.hold(holdId, inScope(subject, scope));
        StringBuilder content = new StringBuilder();
        held.forEach(e -> content.append(e.id())
                .append('|')
                .append(e.earnedAt())
                .append('|')
                .append(e.points())
                .append('\n'));
        return new PreservationReceipt(
                holdId,
                held.size(),
                sha256(content.toString().getBytes(StandardCharsets.UTF_8)),
                scope.covers(PURCHASES) ? store.erased(subject.subjectKey()) : 0);
    }

    @Override
    public long release(SubjectRef subject, String holdId) {
        return store.release(holdId);
    }

    private Optional<String> member(SubjectRef subject, ProductScope scope) {
        if (!scope.covers(PURCHASES)) {
            return Optional.empty();
        }
        SubjectIdentifiers ids = subject.identifiers();
        String phone = ids.phone() == null ? null : ids.phone().replaceAll("[^0-9+]", "");
        return store.findMember(ids.userId(), ids.email(), phone);
    }

    private List<Entry> inScope(SubjectRef subject, ProductScope scope) {
        return member(subject, scope)
                .map(m -> store.entries(m, scope.dateRange()))
                .orElse(List.of());
    }

    private static String render(List<Entry> entries, ExportFormat format) {
        StringBuilder b = new StringBuilder();
        if (format == ExportFormat.HTML) {
            b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Loyalty"
                    + " points</title></head><body>\n");
            b.append("<table><tr><th>earned at</th><th>points</th><th>reason</th></tr>\n");
            entries.forEach(e -> b.append("<tr><td>")
                    .append(e.earnedAt())
                    .append("</td><td>")
                    .append(e.points())
                    .append("</td><td>")
                    .append(Encode.forHtml(e.reason()))
                    .append("</td></tr>\n"));
            return b.append("</table></body></html>\n").toString();
        }
        List<Map<String, Object>> rows = entries.stream()
                .map(e -> Map.<String, Object>of(
                        "earnedAt", e.earnedAt().toString(), "points", e.points(), "reason", e.reason()))
                .toList();
        try {
            return JSON.writeValueAsString(Map.of("entries", rows)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExportedFile fileFromCursor(String cursor) {
        String[] f = cursor.split("\\|");
        return new ExportedFile(f[0], Long.parseLong(f[1]), f[2], Long.parseLong(f[3]));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
