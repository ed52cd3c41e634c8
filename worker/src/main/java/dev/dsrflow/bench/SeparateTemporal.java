package dev.dsrflow.bench;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

/**
 * The Temporal test server in a child JVM (loopback only), so the parked-deletions scenario can
 * weigh dsrflow's own heap apart from the in-memory Temporal that holds every history.
 */
final class SeparateTemporal implements AutoCloseable {
    private final Process process;

    private SeparateTemporal(Process process) {
        this.process = process;
    }

    /** Child-JVM entry point: serve the test server on localhost:{@code args[0]} until killed. */
    public static void main(String[] args) throws Exception {
        TestServicesStarter services = new TestServicesStarter(true, 0);
        dev.dsrflow.runtime.TestServerLockLog.disable(services);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])));
        for (BindableService service : services.getServices()) {
            builder.addService(service);
        }
        Server server = builder.build().start();
        server.awaitTermination();
    }

    static SeparateTemporal start(int port) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SeparateTemporal.class.getName(),
                        String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(new File("/dev/null"))
                .start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new SeparateTemporal(p);
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IOException("the separate Temporal test server exited with " + p.exitValue());
                }
                Thread.sleep(200);
            }
        }
        p.destroyForcibly();
        throw new IOException("the separate Temporal test server did not listen on " + port + " within 60 s");
    }

    /** The child's resident set size in MB (Linux), NaN when unknown. */
    double rssMb() {
        return ProcessMemory.rssMb(Long.toString(process.pid()));
    }

    @Override
    public void close() {
        process.destroy();
    }
}
