package dev.dsrflow.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time spent so far by this JVM plus, when the runtime embeds one, its PostgreSQL (the
 * postmaster, its live backends and, through the postmaster's children totals, those that
 * exited). The database is a separate process that only dsrflow uses, so leaving it out would
 * flatter dsrflow against the baseline. With the real Temporal server (a child process) its CPU
 * is counted too, as the Java test server's is inside this JVM, so both servers' figures cover
 * the same work.
 */
final class CpuMeter {
    private static final double TICK_MILLIS = 10; // USER_HZ is 100 on Linux
    private final Path postmasterPid;
    private final Path temporalPid;

    /**
     * @param postgresData the embedded PostgreSQL's data directory, or null when there is none
     * @param temporalPid the file naming the Temporal server process, or null when it runs in this JVM
     */
    CpuMeter(Path postgresData, Path temporalPid) {
        this.postmasterPid = postgresData == null ? null : postgresData.resolve("postmaster.pid");
        this.temporalPid = temporalPid;
    }

    /** JVM plus PostgreSQL plus (when a process of its own) Temporal CPU time, in milliseconds. */
    double millis() {
        return ProcessMemory.cpuMillis() + postgresMillis() + temporalMillis();
    }

    /** The Temporal server process's CPU time (0 when it runs in this JVM or is unknown). */
    double temporalMillis() {
        if (temporalPid == null || !Files.exists(temporalPid)) {
            return 0;
        }
        try {
            return ticks(Long.parseLong(Files.readString(temporalPid).trim()), true) * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** PostgreSQL's share alone (0 when unknown). */
    double postgresMillis() {
        if (postmasterPid == null) {
            return 0;
        }
        try {
            long postmaster =
                    Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
            long ticks = ticks(postmaster, true);
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(
                    Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
                for (Path proc : procs) {
                    long pid = Long.parseLong(proc.getFileName().toString());
                    if (pid != postmaster && parent(pid) == postmaster) {
                        ticks += ticks(pid, false);
                    }
                }
            }
            return ticks * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux, or the database is gone
        }
    }

    /**
     * Fields of /proc/pid/stat after the command name: [0]=state, [1]=ppid, ... [11]=utime, [12]=stime,
     * [13]=cutime, [14]=cstime.
     */
    private static List<String> stat(long pid) throws IOException {
        String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return List.of(s.substring(s.lastIndexOf(')') + 2).split(" "));
    }

    private static long parent(long pid) {
        try {
            return Long.parseLong(stat(pid).get(1));
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static long ticks(long pid, boolean withExitedChildren) {
        try {
            List<String> f = stat(pid);
            long t = Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
            return withExitedChildren ? t + Long.parseLong(f.get(13)) + Long.parseLong(f.get(14)) : t;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
