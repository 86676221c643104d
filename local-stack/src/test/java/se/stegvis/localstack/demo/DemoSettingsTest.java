package se.stegvis.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void defaults_are_300_participants_on_the_stacks_default_ports_and_no_load_with_the_stack() {
        DemoSettings settings = DemoSettings.from(Map.of(), TODAY);

        assertThat(settings.loadWithStack()).isFalse();
        assertThat(settings.participants()).isEqualTo(300);
        assertThat(settings.asOf()).isEqualTo(DemoSettings.DEFAULT_AS_OF);
        assertThat(settings.participantService()).isEqualTo(URI.create("http://127.0.0.1:8091"));
        assertThat(settings.activityService()).isEqualTo(URI.create("http://127.0.0.1:8092"));
        assertThat(settings.outcomeService()).isEqualTo(URI.create("http://127.0.0.1:8093"));
        assertThat(settings.reportingService()).isEqualTo(URI.create("http://127.0.0.1:8090"));
    }

    @Test
    void the_flag_the_count_the_seed_and_the_stacks_port_properties_are_read() {
        DemoSettings settings = DemoSettings.from(Map.of("stegvis.demo", "true", "stegvis.demo.participants", "20",
                "stegvis.demo.seed", "7", "stegvis.demo.as-of", "2026-06-30", "stegvis.outcome.port", "18093"), TODAY);

        assertThat(settings.loadWithStack()).isTrue();
        assertThat(settings.participants()).isEqualTo(20);
        assertThat(settings.seed()).isEqualTo(7);
        assertThat(settings.asOf()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(settings.outcomeService()).isEqualTo(URI.create("http://127.0.0.1:18093"));
    }

    @Test
    void on_a_clock_before_the_demos_end_the_end_is_today_since_the_services_refuse_the_future() {
        LocalDate earlier = DemoSettings.DEFAULT_AS_OF.minusDays(10);

        assertThat(DemoSettings.from(Map.of(), earlier).asOf()).isEqualTo(earlier);
    }

    @Test
    void a_malformed_option_is_refused_by_name() {
        assertThatThrownBy(() -> DemoSettings.from(Map.of("stegvis.demo.participants", "many"), TODAY))
                .hasMessage("stegvis.demo.participants=many is not a number");
        assertThatThrownBy(() -> DemoSettings.from(Map.of("stegvis.demo.participants", "0"), TODAY))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> DemoSettings.from(Map.of("stegvis.demo.as-of", "1 May"), TODAY))
                .hasMessage("stegvis.demo.as-of=1 May is not a date (YYYY-MM-DD)");
    }
}
