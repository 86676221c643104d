package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedManifestTest {

    @TempDir
    Path dataDir;

    @Test
    void whatIsWrittenIsReadBackWithThePassesInTheirOrder() throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("enrol the demo's people", 1500.5);
        seconds.put("activities", 99.0);
        seconds.put("wait for outcome-service", 0.25);
        SeedManifest manifest = new SeedManifest("p10-pool4-share1_0-seed7", "`abc1234` on 2026-12-07", 6, 3, 17, 1, 2, 5, 1,
                List.of("0b5e6f0e-1c9a-4d5b-9a51-5ad7a0f0c001", "0b5e6f0e-1c9a-4d5b-9a51-5ad7a0f0c002"), seconds);

        manifest.writeTo(dataDir);

        SeedManifest read = SeedManifest.readFrom(dataDir);
        assertThat(read).isEqualTo(manifest);
        assertThat(read.seconds().keySet()).containsExactly("enrol the demo's people", "activities", "wait for outcome-service");
        assertThat(read.participants()).isEqualTo(8);
    }

    @Test
    void aDirectoryWithoutOneWasNotSeededToTheEnd() {
        assertThatThrownBy(() -> SeedManifest.readFrom(dataDir)).hasMessageContaining("not a finished seeding");
    }
}
