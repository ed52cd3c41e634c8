package dev.dsrflow.api.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One gauge name with a series per label set, set all at once from a query result. A series
 * once seen stays (at 0 when the result no longer has it), so a scrape never finds it missing
 * halfway through an update, as it can when meters are removed and registered again.
 */
final class GaugeFamily {
    private final String name;
    private final String description;
    private final String unit;
    private final MeterRegistry registry;
    private final Map<Tags, AtomicLong> series = new ConcurrentHashMap<>();

    GaugeFamily(MeterRegistry registry, String name, String unit, String description) {
        this.registry = registry;
        this.name = name;
        this.unit = unit;
        this.description = description;
    }

    /** Sets every series to its value in {@code values}, and those not in it to 0. */
    void set(Map<Tags, Long> values) {
        values.forEach(
                (tags, value) -> series.computeIfAbsent(tags, this::register).set(value));
        series.forEach((tags, value) -> {
            if (!values.containsKey(tags)) {
                value.set(0);
            }
        });
    }

    private AtomicLong register(Tags tags) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .baseUnit(unit)
                .tags(tags)
                .strongReference(true)
                .register(registry);
        return value;
    }
}
