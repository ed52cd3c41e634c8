package dev.dsrflow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.blob.FileSystemBlobStore;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagingActivitiesImplTest {
    private static final String REQUEST = "r-pack-1";
    private static final Instant EXPIRES = Instant.parse("2026-02-04T10:00:00Z");

    @TempDir
    Path dir;

    private FileSystemBlobStore blobs;
    private PackagingActivitiesImpl packaging;
    private ExportManifest profile;
    private ExportManifest content;

    @BeforeEach
    void stage() throws Exception {
        blobs = new FileSystemBlobStore(dir);
        packaging = new PackagingActivitiesImpl(
                blobs, new DownloadLinks("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)));
        profile = exportOf("profile", Map.of("profile.json", 1L));
        content = exportOf("content", Map.of("posts.json", 12L, "media/index.json", 4L));
    }

    private ExportManifest exportOf(String product, Map<String, Long> files) throws Exception {
        List<ExportedFile> exported = new ArrayList<>();
        for (var file : new java.util.TreeMap<>(files).entrySet()) {
            byte[] bytes = ("{\"" + product + "\":\"" + file.getKey() + "\"}").getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = blobs.create(PackageLayout.staging(REQUEST, product) + file.getKey())) {
                out.write(bytes);
            }
            exported.add(new ExportedFile(file.getKey(), bytes.length, sha256(bytes), file.getValue()));
        }
        ExportManifest manifest = new ExportManifest(exported);
        StagedManifests.write(blobs, REQUEST, product, manifest);
        return manifest;
    }

    private PackageRequest request(List<ProductExport> products) {
        return new PackageRequest(REQUEST, "sk-pack", ExportFormat.JSON, products, EXPIRES);
    }

    @Test
    void aPackageFromStagedManifestsIsTheSameAsFromManifestsInTheRequest() throws Exception {
        PackageInfo inline = packaging.build(request(List.of(
                new ProductExport("profile", "Profile", "DONE", profile),
                new ProductExport("content", "Content & media", "DONE", content),
                new ProductExport("ads", "Ads", "NO_DATA", null))));
        Map<String, byte[]> fromManifests = entries();

        PackageInfo staged = packaging.build(request(List.of(
                ProductExport.staged("profile", "Profile", "DONE"),
                ProductExport.staged("content", "Content & media", "DONE"),
                new ProductExport("ads", "Ads", "NO_DATA", null))));
        Map<String, byte[]> fromReferences = entries();

        assertThat(fromReferences.keySet())
                .containsExactlyElementsOf(fromManifests.keySet())
                .containsExactly(
                        "profile/profile.json",
                        "content/media/index.json",
                        "content/posts.json",
                        "manifest.json",
                        "index.html");
        fromManifests.forEach(
                (name, bytes) -> assertThat(fromReferences.get(name)).as(name).isEqualTo(bytes));
        assertThat(staged).isEqualTo(inline);
        JsonNode manifest = new ObjectMapper().readTree(fromReferences.get("manifest.json"));
        assertThat(manifest.get("totalFiles").asInt()).isEqualTo(3);
        assertThat(manifest.get("totalItems").asLong()).isEqualTo(17);
        assertThat(manifest.get("products")
                        .get(1)
                        .get("files")
                        .get(1)
                        .get("items")
                        .asLong())
                .isEqualTo(12);
    }

    @Test
    void aProductWhoseWorkerStagedNoManifestIsPackagedWithoutItemCounts() throws Exception {
        blobs.deletePrefix(PackageLayout.exportManifest(REQUEST, "content"));

        PackageInfo info = packaging.build(request(List.of(
                ProductExport.staged("profile", "Profile", "DONE"),
                ProductExport.staged("content", "Content", "DONE"))));

        assertThat(info.files()).isEqualTo(3);
        assertThat(info.items()).isEqualTo(1);
        JsonNode manifest = new ObjectMapper().readTree(entries().get("manifest.json"));
        JsonNode contentFolder = manifest.get("products").get(1);
        assertThat(contentFolder.get("items").asLong()).isZero();
        assertThat(contentFolder.get("files").get(1).get("sha256").asText())
                .isEqualTo(content.files().get(1).sha256());
    }

    @Test
    void purgeRemovesTheStagedManifestsWithTheStagingArea() throws Exception {
        packaging.build(request(List.of(ProductExport.staged("profile", "Profile", "DONE"))));

        packaging.purge(REQUEST);

        assertThat(blobs.list(PackageLayout.staging(REQUEST))).isEmpty();
        assertThat(StagedManifests.read(blobs, REQUEST, "profile")).isEmpty();
    }

    private Map<String, byte[]> entries() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream raw = blobs.open(PackageLayout.packageKey(REQUEST));
                ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
