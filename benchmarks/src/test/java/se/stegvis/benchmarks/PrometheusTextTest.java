package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    static final String SCRAPE = """
            # HELP stegvis_consumer_applied_total Events applied
            # TYPE stegvis_consumer_applied_total counter
            stegvis_consumer_applied_total{application="outcome-service",group="outcome-service.replica"} 1234.0
            stegvis_consumer_applied_total{application="outcome-service",group="catch-up-1.replica"} 56.0
            stegvis_consumer_lag{application="outcome-service",group="outcome-service.replica"} 0.0
            stegvis_consumer_lag{application="outcome-service",group="catch-up-1.replica"} NaN
            jvm_memory_used_bytes{application="outcome-service",area="heap",id="eden space"} 1048576.0
            jvm_memory_used_bytes{application="outcome-service",area="heap",id="tenured generation"} 2097152.0
            jvm_memory_used_bytes{application="outcome-service",area="nonheap",id="Metaspace"} 9.9E7
            process_uptime_seconds 12.5
            """;

    @Test
    void readsASampleByOneOfItsLabels() {
        PrometheusText metrics = PrometheusText.parse(SCRAPE);

        assertThat(metrics.value("stegvis_consumer_applied_total", "group", "catch-up-1.replica")).hasValue(56.0);
        assertThat(metrics.value("stegvis_consumer_applied_total", "group", "no-such-group")).isEmpty();
        assertThat(metrics.value("stegvis_consumer_lag", "group", "catch-up-1.replica").getAsDouble()).isNaN();
    }

    @Test
    void sumsTheSamplesThatShareALabel() {
        PrometheusText metrics = PrometheusText.parse(SCRAPE);

        assertThat(metrics.sum("jvm_memory_used_bytes", "area", "heap")).isEqualTo(3 * 1048576.0);
        assertThat(metrics.sum("jvm_memory_used_bytes", "area", "none")).isNaN();
    }

    @Test
    void skipsCommentsAndReadsSamplesWithoutLabels() {
        PrometheusText metrics = PrometheusText.parse(SCRAPE);

        assertThat(metrics.samples()).hasSize(8);
        assertThat(metrics.all("process_uptime_seconds")).singleElement().satisfies(sample -> {
            assertThat(sample.labels()).isEmpty();
            assertThat(sample.value()).isEqualTo(12.5);
        });
    }
}
