package dev.dsrflow.workflow.download;

import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static dev.dsrflow.catalogue.InformationCategory.MESSAGES;
import static dev.dsrflow.catalogue.InformationCategory.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.ledger.DownloadInfo;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.notification.BlobOutboxNotifications;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.packaging.PackageExpiry;
import dev.dsrflow.packaging.PackageLayout;
import dev.dsrflow.packaging.PackagingActivitiesImpl;
import dev.dsrflow.workflow.testing.TestRig;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DownloadWorkflowTest {
    private final TestRig rig = new TestRig(
            List.of(TestRig.product("profile", true, PROFILE), TestRig.product("content", true, CONTENT, MESSAGES)));

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void onePackageWithManifestAndIndexBehindASignedLinkThatIsPurgedAtExpiryWithItsOutboxToken() throws Exception {
        rig.product("profile").seed("sk-x", 2);
        rig.product("content").seed("sk-x", 3);
        var spec = rig.spec(RequestType.DOWNLOAD, Jurisdiction.GDPR, "sk-x", List.of("profile", "content"));
        DownloadWorkflow wf = rig.start(DownloadWorkflow.class, spec);
        RequestSnapshot ready = rig.await(wf, v -> v.status() == RequestStatus.COMPLETED);
        DownloadInfo info = ready.download();
        assertThat(info.purged()).isFalse();
        assertThat(info.expiresAt())
                .isBetween(
                        ready.receivedAt().plus(Duration.ofDays(4)),
                        ready.receivedAt().plus(Duration.ofDays(4).plusMinutes(1)));
        DownloadLinks links = new DownloadLinks(TestRig.LINK_SECRET);
        assertThat(links.verify(info.token(), info.expiresAt().minusSeconds(60)))
                .get()
                .satisfies(g -> assertThat(g.requestId()).isEqualTo(spec.id()));
        assertThat(links.verify(info.token(), info.expiresAt().plusSeconds(1))).isEmpty();
        assertThat(links.verify(
                        info.token().replace('A', 'B') + "x", info.expiresAt().minusSeconds(60)))
                .isEmpty();

        Map<String, byte[]> entries = new HashMap<>();
        MessageDigest zipDigest = MessageDigest.getInstance("SHA-256");
        try (InputStream raw = rig.blobs.open(PackageLayout.packageKey(spec.id()))) {
            byte[] zip = raw.readAllBytes();
            assertThat((long) zip.length).isEqualTo(info.bytes());
            assertThat(HexFormat.of().formatHex(zipDigest.digest(zip))).isEqualTo(info.sha256());
            try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        assertThat(entries)
                .containsKeys(
                        "manifest.json",
                        "index.html",
                        "profile/profile.json",
                        "content/content.json",
                        "content/messages.json");
        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(manifest.get("totalItems").asLong()).isEqualTo(8);
        assertThat(manifest.get("totalFiles").asInt()).isEqualTo(3);
        for (JsonNode folder : manifest.get("products")) {
            for (JsonNode file : folder.get("files")) {
                byte[] content = entries.get(file.get("path").asText());
                assertThat(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                        .isEqualTo(file.get("sha256").asText());
            }
        }
        assertThat(new String(entries.get("index.html")))
                .contains("The content product")
                .doesNotContain("u-sk-x");

        String outbox = new String(rig.blobs
                .open("notifications/" + spec.id() + "/" + spec.id() + "-PACKAGE_READY.json")
                .readAllBytes());
        assertThat(outbox).contains(info.token()).contains("sk-x").doesNotContain("u-sk-x");

        rig.finish(wf);
        PackageExpiry expiry = new PackageExpiry(
                rig.ledger, new PackagingActivitiesImpl(rig.blobs, links), new BlobOutboxNotifications(rig.blobs));
        expiry.sweep(info.expiresAt().minusSeconds(1));
        assertThat(rig.blobs.exists(PackageLayout.packageKey(spec.id())))
                .as("kept until the link expires")
                .isTrue();
        expiry.sweep(info.expiresAt());
        assertThat(rig.blobs.exists(PackageLayout.packageKey(spec.id()))).isFalse();
        assertThat(rig.blobs.list(PackageLayout.staging(spec.id()))).isEmpty();
        assertThat(new String(rig.blobs
                        .open("notifications/" + spec.id() + "/" + spec.id() + "-PACKAGE_READY.json")
                        .readAllBytes()))
                .as("the outbox keeps no link token past the link's expiry")
                .doesNotContain(info.token())
                .contains("\"linkToken\":null");
        expiry.sweep(info.expiresAt().plusSeconds(60));
        assertThat(rig.ledger.events(spec.id()))
                .filteredOn(e -> e.kind().equals(PackageExpiry.PURGED))
                .as("purged once, whoever sweeps again")
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("link expired; "));
    }

    @Test
    void aRequestOverTheBatchSizeIsPackagedFromTheStagedManifestsWithTheSameCounts() throws Exception {
        rig.product("profile").seed("sk-y", 2);
        rig.product("content").seed("sk-y", 3);
        var spec = rig.spec(
                RequestType.DOWNLOAD,
                Jurisdiction.GDPR,
                "sk-y",
                List.of("profile", "content"),
                null,
                RequestPolicy.DEFAULT.withProductBatchSize(1));
        DownloadWorkflow wf = rig.start(DownloadWorkflow.class, spec);
        DownloadInfo info =
                rig.await(wf, v -> v.status() == RequestStatus.COMPLETED).download();

        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(rig.blobs.open(PackageLayout.packageKey(spec.id())))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.keySet()).allSatisfy(name -> assertThat(name).doesNotContain("_manifests"));
        assertThat(entries)
                .containsKeys(
                        "manifest.json",
                        "index.html",
                        "profile/profile.json",
                        "content/content.json",
                        "content/messages.json");
        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(manifest.get("totalItems").asLong()).isEqualTo(8);
        assertThat(manifest.get("totalFiles").asInt()).isEqualTo(3);
        long fileItems = 0;
        for (JsonNode folder : manifest.get("products")) {
            for (JsonNode file : folder.get("files")) {
                fileItems += file.get("items").asLong();
            }
        }
        assertThat(fileItems).isEqualTo(8);
        assertThat(info.sha256()).isNotBlank();
        rig.finish(wf);
    }
}
