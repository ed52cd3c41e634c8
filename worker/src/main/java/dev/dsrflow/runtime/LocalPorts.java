package dev.dsrflow.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Free local ports chosen below the kernel's ephemeral range.
 *
 * <p>A port taken from the ephemeral range (what {@code new ServerSocket(0)} gives) is free only
 * until the next process asks the kernel for any port: the Temporal dev server picks its internal
 * ports that way at each start, so a port chosen for dsrflow's HTTP server and bound only later
 * could be taken by it in between (it was, once, on a restart). Ports below the range are never
 * handed out by the kernel, so one chosen here stays ours until we bind it.
 */
public final class LocalPorts {
    private static final int LOWEST = 10_000;
    private static final Random RANDOM = new SecureRandom();

    private LocalPorts() {}

    /** A port nothing listens on now and the kernel will not hand to another process. */
    public static int next() {
        int below = ephemeralRangeStart();
        if (below - LOWEST < 1_000) {
            return fromKernel();
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LOWEST + RANDOM.nextInt(below - LOWEST);
            if (isFree(port)) {
                return port;
            }
        }
        return fromKernel();
    }

    /** Whether nothing listens on this port, on the wildcard address or on loopback. */
    public static boolean isFree(int port) {
        try (ServerSocket any = new ServerSocket();
                ServerSocket loopback = new ServerSocket()) {
            any.bind(new InetSocketAddress(port));
            any.close();
            loopback.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            return Integer.parseInt(range.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 49_152; // the IANA dynamic range, which macOS and Windows use
        }
    }

    private static int fromKernel() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
