package dev.dsrflow.packaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportedFile;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds download packages from a request's staging area in the blob store. */
public final class PackagingActivitiesImpl implements PackagingActivities {
    /** Failure type when a staged file differs from what its product reported. */
    public static final String STAGING_MISMATCH = "StagingMismatch";

    private static final long FIXED_ENTRY_TIME = 0L;
    private static final Logger log = LoggerFactory.getLogger(PackagingActivitiesImpl.class);

    private final BlobStore blobs;
    private final DownloadLinks links;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PackagingActivitiesImpl(BlobStore blobs, DownloadLinks links) {
        this.blobs = blobs;
        this.links = links;
    }

    @Override
    public PackageInfo build(PackageRequest request) {
        try {
            String key = PackageLayout.packageKey(request.requestId());
            MessageDigest zipDigest = sha256();
            List<PackageManifest.Folder> folders = new ArrayList<>();
            long[] bytes = {0};
            try (OutputStream raw = blobs.create(key);
                    OutputStream counting = new CountingStream(new DigestOutputStream(raw, zipDigest), bytes);
                    ZipOutputStream zip = new ZipOutputStream(counting)) {
                for (ProductExport product : request.products()) {
                    folders.add(addFolder(zip, request.requestId(), product));
                }
                int files = folders.stream().mapToInt(f -> f.files().size()).sum();
                long items = folders.stream()
                        .mapToLong(PackageManifest.Folder::items)
                        .sum();
                PackageManifest manifest = new PackageManifest(
                        request.requestId(),
                        request.subjectKey(),
                        String.valueOf(request.format()),
                        folders,
                        files,
                        items);
                put(zip, "manifest.json", json.writeValueAsBytes(manifest));
                put(zip, "index.html", PackageIndexPage.render(manifest).getBytes(StandardCharsets.UTF_8));
            }
            int files = folders.stream().mapToInt(f -> f.files().size()).sum();
            long items =
                    folders.stream().mapToLong(PackageManifest.Folder::items).sum();
            return new PackageInfo(
                    key,
                    HexFormat.of().formatHex(zipDigest.digest()),
                    bytes[0],
                    files,
                    items,
                    links.issue(request.requestId(), request.linkExpiresAt()),
                    request.linkExpiresAt());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the package", e);
        }
    }

    @Override
    public int purge(String requestId) {
        try {
            int deleted = blobs.deletePrefix(PackageLayout.staging(requestId));
            String key = PackageLayout.packageKey(requestId);
            if (blobs.exists(key)) {
                deleted += blobs.deletePrefix(key);
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot purge the package", e);
        }
    }

    /**
     * The manifest a product reported: carried in the request, or staged by the product adapter.
     * A staged manifest that is missing (a product worker older than staged manifests) leaves
     * the files packaged with their digests and sizes but no item counts.
     */
    private ExportManifest reportedManifest(String requestId, ProductExport product) throws IOException {
        if (product.manifest() != null || !product.manifestStaged()) {
            return product.manifest();
        }
        Optional<ExportManifest> staged = StagedManifests.read(blobs, requestId, product.product());
        if (staged.isEmpty()) {
            log.warn(
                    "request {}: product {} staged no export manifest; its files are packaged without item counts",
                    requestId,
                    product.product());
        }
        return staged.orElse(null);
    }

    private PackageManifest.Folder addFolder(ZipOutputStream zip, String requestId, ProductExport product)
            throws IOException {
        String prefix = PackageLayout.staging(requestId, product.product());
        ExportManifest manifest = reportedManifest(requestId, product);
        Map<String, ExportedFile> reported = manifest == null
                ? Map.of()
                : manifest.files().stream()
                        .collect(Collectors.toMap(ExportedFile::path, Function.identity(), (a, b) -> b));
        List<PackageManifest.Entry> entries = new ArrayList<>();
        for (String blobKey : blobs.list(prefix)) {
            String relative = blobKey.substring(prefix.length());
            String path = product.product() + "/" + relative;
            MessageDigest digest = sha256();
            long size;
            zip.putNextEntry(entry(path));
            try (InputStream in = blobs.open(blobKey);
                    OutputStream out = new DigestOutputStream(new NonClosing(zip), digest)) {
                size = in.transferTo(out);
            }
            zip.closeEntry();
            String sha = HexFormat.of().formatHex(digest.digest());
            ExportedFile claimed = reported.get(relative);
            if (claimed != null && claimed.sha256() != null && !claimed.sha256().equalsIgnoreCase(sha)) {
                throw ApplicationFailure.newNonRetryableFailure(
                        "staged file of product " + product.product() + " differs from its export manifest",
                        STAGING_MISMATCH);
            }
            entries.add(new PackageManifest.Entry(path, size, sha, claimed == null ? 0 : claimed.items()));
        }
        long items = manifest == null ? 0 : manifest.totalItems();
        return new PackageManifest.Folder(product.product(), product.displayName(), product.status(), items, entries);
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(FIXED_ENTRY_TIME);
        return e;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Counts bytes written through it. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private final long[] count;

        CountingStream(OutputStream out, long[] count) {
            super(out);
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count[0]++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count[0] += len;
        }
    }

    /** Lets a digest stream be closed without closing the zip under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
