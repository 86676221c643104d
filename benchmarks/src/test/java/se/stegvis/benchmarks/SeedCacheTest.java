package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedCacheTest {

    @TempDir
    Path work;

    private Path seededDataDir() throws IOException {
        Path data = work.resolve("data");
        Files.createDirectories(data.resolve("kafka/stegvis.participants.v1-0"));
        Files.writeString(data.resolve("kafka/stegvis.participants.v1-0/00000000000000000000.log"), "records");
        Files.createDirectories(data.resolve("logs"));
        Files.writeString(data.resolve("logs/kafka.log"), "a log");
        new SeedManifest("k1", "`abc1234` on 2026-12-07", 3, 2, 10, 1, 1, 4, 0, List.of("id-1", "id-2"), Map.of("enrol", 1.5)).writeTo(data);
        return data;
    }

    @Test
    void aKeptDirectoryIsFoundByItsKeyWithoutTheLogs() throws IOException {
        SeedCache cache = new SeedCache(work.resolve("seeded"));
        Path data = seededDataDir();

        cache.keep("k1", data);

        assertThat(cache.find("k1")).hasValue(cache.entry("k1"));
        assertThat(cache.find("k2")).isEmpty();
        assertThat(cache.entry("k1").resolve("kafka/stegvis.participants.v1-0/00000000000000000000.log")).hasContent("records");
        assertThat(cache.entry("k1").resolve("logs")).doesNotExist();
        assertThat(work.resolve("seeded/k1.partial")).doesNotExist();
    }

    @Test
    void aRestoredCopyIsFreshSoWhatARunChangesNeverReachesTheCache() throws IOException {
        SeedCache cache = new SeedCache(work.resolve("seeded"));
        Path data = seededDataDir();
        cache.keep("k1", data);
        Files.writeString(data.resolve("kafka/stegvis.participants.v1-0/00000000000000000000.log"), "records and a run's outcomes");
        Files.writeString(data.resolve("left-by-a-run"), "x");

        cache.restore("k1", data);

        assertThat(data.resolve("kafka/stegvis.participants.v1-0/00000000000000000000.log")).hasContent("records");
        assertThat(data.resolve("left-by-a-run")).doesNotExist();
        assertThat(SeedManifest.readFrom(data).poolIds()).containsExactly("id-1", "id-2");
    }

    @Test
    void aDirectoryWithoutAManifestIsNoSeeding() throws IOException {
        SeedCache cache = new SeedCache(work.resolve("seeded"));
        Files.createDirectories(cache.entry("k1").resolve("kafka"));

        assertThat(cache.find("k1")).isEmpty();
    }
}
