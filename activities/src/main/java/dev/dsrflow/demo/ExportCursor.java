package dev.dsrflow.demo;

import dev.dsrflow.product.ExportedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The files an export of a demo product has finished, so a retried export keeps them and
 * writes only the rest. Text form: one {@code path|bytes|sha256|items} line per file.
 */
record ExportCursor(List<ExportedFile> done) {
    ExportCursor {
        done = List.copyOf(done);
    }

    static ExportCursor parse(String text) {
        List<ExportedFile> files = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.split("\\|", 4);
                files.add(new ExportedFile(f[0], Long.parseLong(f[1]), f[2], Long.parseLong(f[3])));
            }
        }
        return new ExportCursor(files);
    }

    boolean has(String path) {
        return done.stream().anyMatch(f -> f.path().equals(path));
    }

    ExportCursor with(ExportedFile file) {
        List<ExportedFile> next = new ArrayList<>(done);
        next.add(file);
        return new ExportCursor(next);
    }

    String text() {
        StringBuilder b = new StringBuilder();
        done.forEach(f -> b.append(f.path())
                .append('|')
                .append(f.bytes())
                .append('|')
                .append(f.sha256())
                .append('|')
                .append(f.items())
                .append('\n'));
        return b.toString();
    }
}
