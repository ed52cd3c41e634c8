package dev.dsrflow.bench;

import java.util.Arrays;

/** A growable, thread-safe list of latencies in nanoseconds, with nearest-rank percentiles. */
final class Samples {
    private long[] values = new long[256];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int size() {
        return size;
    }

    /** The nearest-rank percentile ({@code p} in 0..100) in milliseconds; NaN when empty. */
    synchronized double percentileMillis(double p) {
        return percentile(Arrays.copyOf(values, size), p) / 1_000_000.0;
    }

    /** Nearest-rank percentile of {@code data} (sorted here); NaN when empty. */
    static double percentile(long[] data, double p) {
        if (data.length == 0) {
            return Double.NaN;
        }
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile out of 0..100: " + p);
        }
        long[] sorted = data.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The median of a few repeated figures (mean of the two middle ones for an even count). */
    static double median(double... figures) {
        double[] s =
                Arrays.stream(figures).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    /** {@code a / b}, NaN when either is unknown or b is zero. */
    static double ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? Double.NaN : a / b;
    }
}
