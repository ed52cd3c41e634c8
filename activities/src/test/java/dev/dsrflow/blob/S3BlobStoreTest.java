package dev.dsrflow.blob;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The S3 store against a real S3 API server (S3Proxy, in-memory backend) on loopback. */
class S3BlobStoreTest extends BlobStoreContract {
    private static S3Proxy proxy;
    private static S3BlobStore store;

    @BeforeAll
    static void start() throws Exception {
        Properties props = new Properties();
        BlobStoreContext backend =
                ContextBuilder.newBuilder("transient").overrides(props).build(BlobStoreContext.class);
        backend.getBlobStore().createContainerInLocation(null, "dsrflow-test");
        proxy = S3Proxy.builder()
                .blobStore(backend.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(org.gaul.s3proxy.AuthenticationType.AWS_V2_OR_V4, "access", "secret")
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        store = new S3BlobStore(
                "http://127.0.0.1:" + proxy.getPort(), "us-east-1", "dsrflow-test", "access", "secret", true);
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        proxy.stop();
    }

    @Override
    protected BlobStore store() {
        return store;
    }
}
