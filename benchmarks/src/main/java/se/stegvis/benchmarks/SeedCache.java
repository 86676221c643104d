package se.stegvis.benchmarks;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Seeded data directories, one per seed key, so that a later run with the same seed starts from a copy in minutes
 * instead of seeding for hours. A directory is put in place whole (copied beside it, then renamed), so an interrupted
 * copy is never taken for a seeded one; the stack's logs stay out of it.
 */
final class SeedCache {

    private static final String LOGS = "logs";

    private final Path cacheDir;

    SeedCache(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    Path entry(String key) {
        return cacheDir.resolve(key);
    }

    /** The cached directory of this key, if a seeding with it finished. */
    Optional<Path> find(String key) {
        Path entry = entry(key);
        return Files.isRegularFile(entry.resolve(SeedManifest.FILE)) ? Optional.of(entry) : Optional.empty();
    }

    /** Keeps a copy of a seeded data directory, taken while its stack is stopped. */
    void keep(String key, Path dataDir) throws IOException {
        Path partial = cacheDir.resolve(key + ".partial");
        delete(partial);
        copy(dataDir, partial);
        delete(entry(key));
        Files.move(partial, entry(key), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Makes {@code dataDir} a fresh copy of the cached directory: what a run changes is thrown away with it. */
    void restore(String key, Path dataDir) throws IOException {
        delete(dataDir);
        copy(entry(key), dataDir);
    }

    static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path relative = from.relativize(dir);
                if (relative.getNameCount() == 1 && relative.toString().equals(LOGS)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
