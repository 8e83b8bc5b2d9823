package io.cemhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Temporary database folders of the benchmarks that open a real H2 file database. */
final class BenchFiles {

    private BenchFiles() {
    }

    /** Deletes a folder with everything in it (children first). */
    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
