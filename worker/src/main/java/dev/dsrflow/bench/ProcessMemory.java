package dev.dsrflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM's heap in use and its resident set size (Linux {@code /proc/self/status}). */
record ProcessMemory(double heapMb, double rssMb) {

    static ProcessMemory now() {
        return new ProcessMemory(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0, readRssMb());
    }

    /** Heap after a full collection (two System.gc() calls, a short pause between). */
    static ProcessMemory afterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return now();
    }

    /** CPU time of the whole process so far, in milliseconds. */
    static double cpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e6;
        }
        return Double.NaN;
    }

    static double readRssMb() {
        return rssMb("self");
    }

    /** The resident set size of a process ({@code "self"} or a pid) in MB, NaN when unknown. */
    static double rssMb(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return Double.NaN;
    }
}
