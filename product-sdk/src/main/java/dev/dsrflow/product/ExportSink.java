package dev.dsrflow.product;

import java.io.IOException;
import java.io.OutputStream;

/** Where an export writes its files: the request's staging area for this product. */
public interface ExportSink {
    /**
     * Opens a file for writing, replacing any earlier content (so a retried export is safe).
     *
     * @param relativePath path inside the product's folder, using '/' separators
     */
    OutputStream open(String relativePath) throws IOException;
}
