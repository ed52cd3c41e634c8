package dev.dsrflow.blob;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A blob store on any S3-compatible object store (AWS S3, MinIO, Ceph, ...), for deployments
 * where the API, the orchestrator and product workers do not share a disk. Writes are staged in
 * a temporary file and uploaded when the stream closes, so a failed write leaves nothing.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    private final S3Client s3;
    private final String bucket;

    /**
     * @param endpoint the service URL, or null for AWS's regional endpoint
     * @param region signing region
     * @param bucket the bucket (must exist)
     * @param accessKey access key id
     * @param secretKey secret access key
     * @param pathStyle address the bucket in the path (MinIO and most self-hosted stores need it)
     */
    public S3BlobStore(
            String endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle) {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(pathStyle)
                // only the checksums S3 requires: self-hosted S3-compatible stores reject the SDK's newer trailers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        this.s3 = builder.build();
        this.bucket = bucket;
    }

    @Override
    public OutputStream create(String key) throws IOException {
        Path staged = Files.createTempFile("dsrflow-blob", ".part");
        return new FilterOutputStream(Files.newOutputStream(staged)) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    super.close();
                    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(staged));
                } catch (S3Exception e) {
                    throw new IOException(
                            "upload of blob failed: " + e.awsErrorDetails().errorCode(), e);
                } finally {
                    Files.deleteIfExists(staged);
                }
            }
        };
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(key);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public long size(String key) throws IOException {
        try {
            return s3.headObject(r -> r.bucket(bucket).key(key)).contentLength();
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new java.nio.file.NoSuchFileException(key);
            }
            throw e;
        }
    }

    @Override
    public List<String> list(String prefix) {
        String dir = prefix.endsWith("/") ? prefix : prefix + "/";
        List<String> keys = new ArrayList<>();
        for (S3Object o :
                s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(dir)).contents()) {
            keys.add(o.key());
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public int deletePrefix(String prefix) {
        // one DELETE per object: the batch call needs checksum headers many S3-compatible stores lack,
        // and a request's staging area holds tens of files, not thousands
        List<String> keys = list(prefix);
        for (String key : keys) {
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        }
        return keys.size();
    }

    @Override
    public void close() {
        s3.close();
    }
}
