package dev.dsrflow.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Where reports, export staging areas and download packages live. Keys are '/'-separated
 * paths. The default runtime uses a directory; an S3-compatible store implements the same.
 */
public interface BlobStore {
    /** Opens a blob for writing, replacing an existing one. */
    OutputStream create(String key) throws IOException;

    /** Opens a blob for reading. */
    InputStream open(String key) throws IOException;

    /** Whether the blob exists. */
    boolean exists(String key);

    /** The blob's size in bytes. */
    long size(String key) throws IOException;

    /** Keys of every blob under the prefix, sorted. */
    List<String> list(String prefix) throws IOException;

    /** Deletes every blob under the prefix; returns how many were deleted. */
    int deletePrefix(String prefix) throws IOException;
}
