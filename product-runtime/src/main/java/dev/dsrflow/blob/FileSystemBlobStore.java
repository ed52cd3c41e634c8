package dev.dsrflow.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A blob store in a local directory (the default runtime's). */
public final class FileSystemBlobStore implements BlobStore {
    private final Path root;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob directory " + this.root, e);
        }
    }

    @Override
    public OutputStream create(String key) throws IOException {
        Path path = resolve(key);
        Files.createDirectories(path.getParent());
        return Files.newOutputStream(path);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(resolve(key));
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path base = resolve(prefix);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public int deletePrefix(String prefix) throws IOException {
        Path base = resolve(prefix);
        if (!Files.exists(base)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.walk(base)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    if (Files.isRegularFile(p)) {
                        deleted++;
                    }
                    Files.delete(p);
                } catch (NoSuchFileException ignored) {
                    // deleted concurrently: the goal is reached either way
                }
            }
        }
        return deleted;
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("blob key escapes the store");
        }
        return path;
    }
}
