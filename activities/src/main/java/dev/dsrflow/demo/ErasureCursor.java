package dev.dsrflow.demo;

import java.util.UUID;

/**
 * Where an erase of a demo product stands: the run it belongs to (every attempt of one erase
 * call shares it, and {@code erasure_log} counts per run), the item table it is working on and
 * the last item id it deleted there. Text form: {@code <run>:<table>:<afterId>}.
 */
record ErasureCursor(String run, int table, long afterId) {
    /** A new run, before anything was erased. */
    static ErasureCursor start() {
        return new ErasureCursor(UUID.randomUUID().toString(), 0, 0);
    }

    static ErasureCursor parse(String text) {
        String[] parts = text.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an erasure cursor");
        }
        return new ErasureCursor(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
    }

    ErasureCursor after(long lastId) {
        return new ErasureCursor(run, table, lastId);
    }

    ErasureCursor nextTable() {
        return new ErasureCursor(run, table + 1, 0);
    }

    String text() {
        return run + ":" + table + ":" + afterId;
    }
}
