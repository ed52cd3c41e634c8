package dev.dsrflow.demo;

import dev.dsrflow.catalogue.InformationCategory;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where an erase of a demo product stands: the item table it is working on, the last item id
 * it deleted there, and what it has erased so far (so a resumed erase reports the total).
 * Text form: {@code <table>:<afterId>:<CATEGORY>=<n>,...}.
 */
record ErasureCursor(int table, long afterId, Map<InformationCategory, Long> erased) {
  static ErasureCursor start() {
    return new ErasureCursor(0, 0, new EnumMap<>(InformationCategory.class));
  }

  static ErasureCursor parse(String text) {
    String[] parts = text.split(":", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not an erasure cursor");
    }
    Map<InformationCategory, Long> erased = new EnumMap<>(InformationCategory.class);
    for (String entry : parts[2].split(",")) {
      if (!entry.isBlank()) {
        String[] kv = entry.split("=", 2);
        erased.put(InformationCategory.valueOf(kv[0]), Long.parseLong(kv[1]));
      }
    }
    return new ErasureCursor(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), erased);
  }

  ErasureCursor advance(long lastId, InformationCategory category, long deleted) {
    Map<InformationCategory, Long> next = new EnumMap<>(InformationCategory.class);
    next.putAll(erased);
    next.merge(category, deleted, Long::sum);
    return new ErasureCursor(table, lastId, next);
  }

  ErasureCursor nextTable() {
    return new ErasureCursor(table + 1, 0, erased);
  }

  String text() {
    StringBuilder b = new StringBuilder().append(table).append(':').append(afterId).append(':');
    erased.forEach((category, n) -> b.append(category.name()).append('=').append(n).append(','));
    return b.toString();
  }
}
