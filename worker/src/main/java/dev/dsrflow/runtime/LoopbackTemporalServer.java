package dev.dsrflow.runtime;

import dev.dsrflow.temporal.SearchAttributeNames;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal Java test server in real time (no time skipping), bound to the loopback
 * interface only: {@code TestServer.createPortBoundServer} listens on every interface, which
 * would expose an unauthenticated Temporal frontend to the network. dsrflow's search attributes
 * are registered at start, and the server's ever-growing lock log is switched off
 * ({@link TestServerLockLog}).
 */
final class LoopbackTemporalServer implements Closeable {
    private final TestServicesStarter services;
    private final Server server;

    private LoopbackTemporalServer(TestServicesStarter services, Server server) {
        this.services = services;
        this.server = server;
    }

    static LoopbackTemporalServer start(int port) throws IOException {
        TestServicesStarter services = new TestServicesStarter(true, 0);
        TestServerLockLog.disable(services);
        NettyServerBuilder builder =
                NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        for (BindableService service : services.getServices()) {
            builder.addService(service);
        }
        try {
            LoopbackTemporalServer server =
                    new LoopbackTemporalServer(services, builder.build().start());
            server.registerSearchAttributes(port);
            return server;
        } catch (IOException e) {
            services.close();
            throw new IOException(
                    "cannot start the embedded Temporal on localhost:" + port
                            + " (is another Temporal running? set DSRFLOW_EMBEDDED_TEMPORAL_PORT or TEMPORAL_ADDRESS)",
                    e);
        }
    }

    /** Registers dsrflow's search attributes, as deploy/temporal/register-search-attributes.sh does on a cluster. */
    private void registerSearchAttributes(int port) {
        AddSearchAttributesRequest.Builder request =
                AddSearchAttributesRequest.newBuilder().setNamespace("default");
        SearchAttributeNames.TYPES.forEach(
                (name, type) -> request.putSearchAttributes(name, TemporalDevServer.indexedType(type)));
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + port)
                .validateAndBuildWithDefaults());
        try {
            operator.blockingStub().addSearchAttributes(request.build());
        } finally {
            operator.shutdown();
        }
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        services.close();
    }
}
