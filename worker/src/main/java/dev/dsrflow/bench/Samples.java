package dev.dsrflow.bench;

import java.util.Arrays;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies in nanoseconds, recorded by many threads into an HdrHistogram (three significant
 * digits: a percentile is within 0.1% of the recorded value).
 */
final class Samples {
    private final Histogram histogram = new ConcurrentHistogram(3);

    void add(long nanos) {
        histogram.recordValue(Math.max(0, nanos));
    }

    long size() {
        return histogram.getTotalCount();
    }

    /** The percentile ({@code p} in 0..100) in milliseconds; NaN when nothing was recorded. */
    double percentileMillis(double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile out of 0..100: " + p);
        }
        Histogram copy = histogram.copy();
        return copy.getTotalCount() == 0
                ? Double.NaN
                : copy.highestEquivalentValue(copy.getValueAtPercentile(p)) / 1_000_000.0;
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
