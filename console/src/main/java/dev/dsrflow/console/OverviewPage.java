package dev.dsrflow.console;

import java.util.List;

/**
 * The team lead's overview: open requests by status, due this week, overdue, completed in the
 * last 30 days and the median days to complete them, drawn as small SVG bar charts.
 */
public record OverviewPage(
        List<Bar> byStatus,
        List<Bar> byType,
        long dueThisWeek,
        long overdue,
        long completed30d,
        String medianDays,
        String error) {

    /** One bar: its label, its value and its length in pixels (the longest bar is 300). */
    public record Bar(String label, long value, int width, int y) {}

    /** Bars scaled so that the longest one is 300 pixels, 24 pixels apart. */
    static List<Bar> bars(List<String> labels, List<Long> values) {
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            long v = values.get(i);
            int width = max == 0 ? 0 : (int) Math.max(v == 0 ? 0 : 2, Math.round(300.0 * v / max));
            bars.add(new Bar(labels.get(i), v, width, i * 24));
        }
        return bars;
    }

    public int height(List<Bar> bars) {
        return Math.max(24, bars.size() * 24);
    }
}
