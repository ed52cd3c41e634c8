package dev.dsrflow.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.ledger.LedgerEntry;
import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.packaging.PackageRequest;
import dev.dsrflow.packaging.ProductExport;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.CategoryCount;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportedFile;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.product.RecordedCatalogue;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.report.AccessReportInput;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.common.converter.DataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Measures, through the encrypted data converter, the payloads a 2,000-product request sends
 * (Temporal refuses payloads over 2 MB and warns over 256 KB): ledger writes, update results
 * (the request's snapshot), a batch's input and result, and the inputs of the steps after
 * the fan-out. Each product has a realistic result: 8 categories located, or 8 files exported.
 */
class BatchPayloadSizeTest {
    static final int PRODUCTS = 2_000;
    static final long LIMIT = 2L * 1024 * 1024;
    static final DataConverter CONVERTER = TestRig.dataConverter();
    static final Instant T = Instant.parse("2026-01-31T10:00:00Z");

    static long size(Object value) {
        return CONVERTER.toPayload(value).orElseThrow().getSerializedSize();
    }

    static RequestSpec spec(RequestType type) {
        List<String> products = new ArrayList<>();
        List<ProductSettings> catalogue = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            String id = String.format(Locale.ROOT, "product-%04d", i);
            products.add(id);
            catalogue.add(new ProductSettings(
                    new ProductDescriptor(
                            id,
                            "The " + id + " product",
                            EnumSet.copyOf(List.of(InformationCategory.values()).subList(0, 8)),
                            EnumSet.allOf(Capability.class),
                            true,
                            "1.0"),
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(1),
                    8,
                    Duration.ofSeconds(1),
                    0));
        }
        return new RequestSpec(
                "r-5f0c1d2e-9a7b-4c3d-8e1f-000000000001",
                type,
                new SubjectIdentifiers("u-1234567", "a@example.org", null),
                "sk-0123456789abcdef0123456789abcdef",
                Jurisdiction.GDPR,
                products,
                Set.of(),
                DateRange.ALL,
                ExportFormat.JSON,
                null,
                "ops",
                T,
                null,
                RequestPolicy.DEFAULT,
                RecordedCatalogue.of(catalogue));
    }

    static ProductStepResult located(String product) {
        List<CategoryCount> counts = new ArrayList<>();
        for (InformationCategory c : List.of(InformationCategory.values()).subList(0, 8)) {
            counts.add(new CategoryCount(c, 1234, T.minusSeconds(86_400L * 900), T));
        }
        return new ProductStepResult(
                product,
                ProductStep.LOCATE,
                1,
                product + "-handler/1.0",
                T,
                T,
                8 * 1234,
                new Inventory(counts),
                null,
                null,
                null,
                null);
    }

    static ProductStepResult exported(String product) {
        List<ExportedFile> files = new ArrayList<>();
        for (InformationCategory c : List.of(InformationCategory.values()).subList(0, 8)) {
            files.add(new ExportedFile(c.name().toLowerCase(Locale.ROOT) + ".json", 123_456, "9f".repeat(32), 1234));
        }
        return new ProductStepResult(
                product,
                ProductStep.EXPORT,
                1,
                product + "-handler/1.0",
                T,
                T,
                8 * 1234,
                null,
                new ExportManifest(files),
                null,
                null,
                null);
    }

    static RequestState finished(RequestType type, Function<String, ProductStepResult> result) {
        RequestState state = new RequestState(type == RequestType.ACCESS ? spec(type) : spec(type));
        for (String p : state.spec().products()) {
            ProductTaskState task = state.addProduct(p, ProductTaskStatus.PENDING, T, null);
            task.countAttempt();
            ProductStepResult r = result.apply(p);
            task.recordResult(r);
            task.moveTo(ProductTaskStatus.DONE, r.items() + " items found", T);
        }
        return state;
    }

    static List<LedgerEvent> events(RequestState state, String kind) {
        List<LedgerEvent> out = new ArrayList<>();
        int seq = 0;
        for (ProductTaskState t : state.products()) {
            out.add(new LedgerEvent(state.id() + ":0123abcd:" + ++seq, T, "system", kind, t.product(), t.detail()));
        }
        return out;
    }

    @Test
    void aTwoThousandProductRequestKeepsEveryPayloadFarUnderTheLimit() {
        for (RequestType type : List.of(RequestType.ACCESS, RequestType.DOWNLOAD)) {
            RequestState state = finished(
                    type, type == RequestType.ACCESS ? BatchPayloadSizeTest::located : BatchPayloadSizeTest::exported);
            long full = size(state.nextSnapshot(1));
            state.useCompactSnapshots();
            RequestSnapshot compact = state.nextSnapshot(2);
            long update = size(compact);
            long ledgerWrite = size(new LedgerEntry(compact, events(state, "PRODUCT_DONE")));
            List<BatchOutcome> outcomes = state.products().stream()
                    .limit(ProductBatches.DEFAULT_SIZE)
                    .map(t -> new BatchOutcome(t.product(), t.status(), t.detail(), t.result(), List.of(), 0))
                    .toList();
            long batchResult = size(new ProductBatchResult(outcomes));
            long batchInput = size(new ProductBatch(
                    ProductStep.LOCATE,
                    0,
                    StepContext.of(state, null),
                    outcomes.stream().map(BatchOutcome::product).toList(),
                    RecordedCatalogue.of(state.spec()
                            .catalogue()
                            .toCatalog()
                            .only(outcomes.stream().map(BatchOutcome::product).toList()))));
            long after = type == RequestType.ACCESS
                    ? size(new AccessReportInput(
                            state.id(),
                            state.spec().subjectKey(),
                            "GDPR",
                            state.products().stream()
                                    .map(t -> new AccessReportInput.ProductInventory(
                                            t.product(),
                                            "The " + t.product() + " product",
                                            "DONE",
                                            t.result().inventory()))
                                    .toList()))
                    : size(new PackageRequest(
                            state.id(),
                            state.spec().subjectKey(),
                            ExportFormat.JSON,
                            state.products().stream()
                                    .map(t -> ProductExport.staged(
                                            t.product(), "The " + t.product() + " product", "DONE"))
                                    .toList(),
                            T));
            long inlineManifests = type == RequestType.ACCESS
                    ? 0
                    : size(new PackageRequest(
                            state.id(),
                            state.spec().subjectKey(),
                            ExportFormat.JSON,
                            state.products().stream()
                                    .map(t -> new ProductExport(
                                            t.product(),
                                            "The " + t.product() + " product",
                                            "DONE",
                                            t.result().export()))
                                    .toList(),
                            T));
            System.out.printf(
                    Locale.ROOT,
                    "PAYLOAD %s of %d products: snapshot with full results %d B; update result (compact snapshot) %d B;"
                            + " ledger write of %d events %d B; batch input %d B; batch result (%d products) %d"
                            + " B; %s input %d B%n",
                    type,
                    PRODUCTS,
                    full,
                    update,
                    PRODUCTS,
                    ledgerWrite,
                    batchInput,
                    ProductBatches.DEFAULT_SIZE,
                    batchResult,
                    type == RequestType.ACCESS
                            ? "access report (local activity)"
                            : "packaging activity (staged manifests)",
                    after);
            if (type == RequestType.DOWNLOAD) {
                System.out.printf(
                        Locale.ROOT,
                        "PAYLOAD DOWNLOAD packaging input with the manifests inline (small requests) %d B%n",
                        inlineManifests);
            }
            long spec = size(state.spec());
            System.out.printf(
                    Locale.ROOT,
                    "PAYLOAD %s workflow input (spec with the recorded catalogue of %d products) %d B%n",
                    type,
                    PRODUCTS,
                    spec);
            assertThat(spec).as("under the 256 KB payload warning").isLessThan(256 * 1024);
            assertThat(update).isLessThan(LIMIT / 2);
            assertThat(ledgerWrite).isLessThan(LIMIT / 2);
            assertThat(batchResult).isLessThan(256 * 1024);
            assertThat(batchInput).isLessThan(16 * 1024);
            if (type == RequestType.DOWNLOAD) {
                assertThat(after).isLessThan(LIMIT / 4);
            }
        }
    }
}
