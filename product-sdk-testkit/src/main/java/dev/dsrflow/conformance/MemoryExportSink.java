package dev.dsrflow.conformance;

import dev.dsrflow.product.ExportSink;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An export sink that keeps every file in memory, so the kit can check bytes and digests. */
public final class MemoryExportSink implements ExportSink {
    private final Map<String, ByteArrayOutputStream> files = new ConcurrentHashMap<>();

    @Override
    public OutputStream open(String relativePath) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.put(relativePath, out);
        return out;
    }

    /** The bytes last written to the path, or null if nothing was. */
    public byte[] bytes(String relativePath) {
        ByteArrayOutputStream out = files.get(relativePath);
        return out == null ? null : out.toByteArray();
    }

    /** How many distinct files were opened. */
    public int fileCount() {
        return files.size();
    }
}
