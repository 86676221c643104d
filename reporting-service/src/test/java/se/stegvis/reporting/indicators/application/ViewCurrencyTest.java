package se.stegvis.reporting.indicators.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** The decision of how current the views are, on every state, its threshold and its edges. */
class ViewCurrencyTest {

    private static final long THRESHOLD = 1000;
    private static final Instant ASKED = Instant.parse("2025-08-02T10:00:00Z");
    private static final RebuildProgress REQUESTED = new RebuildProgress(RebuildProgress.State.REQUESTED, 0, 0, ASKED, null);
    private static final RebuildProgress REPLAYING = new RebuildProgress(RebuildProgress.State.REPLAYING, 12_345, 67_890, ASKED, null);
    private static final RebuildProgress DONE = new RebuildProgress(RebuildProgress.State.DONE, 67_890, 67_890, ASKED,
            ASKED.plusSeconds(40));

    private RebuildProgress rebuild = RebuildProgress.NONE;
    private ProjectionLag.Reading reading = caughtUp(0L);

    private final ViewCurrency currency = new ViewCurrency(replay(() -> rebuild), () -> reading, THRESHOLD);

    /** A replay whose progress is read only. */
    private static Replay replay(Supplier<RebuildProgress> progress) {
        return new Replay() {
            @Override
            public RebuildProgress requestRebuild() {
                throw new UnsupportedOperationException("only read here");
            }

            @Override
            public RebuildProgress progress() {
                return progress.get();
            }
        };
    }

    private static ProjectionLag.Reading caughtUp(Long behindBy) {
        return new ProjectionLag.Reading(false, true, behindBy);
    }

    @Test
    void caught_up_since_start_and_within_the_threshold_is_current_and_says_nothing_more() {
        assertThat(currency.now()).isEqualTo(new Currency(Currency.State.CURRENT, null, null, null));

        reading = caughtUp(THRESHOLD);
        assertThat(currency.now()).as("exactly the threshold behind").isEqualTo(Currency.CURRENT);
        assertThat(currency.now().isCurrent()).isTrue();
    }

    @Test
    void more_than_the_threshold_behind_is_behind_by_that_many() {
        reading = caughtUp(THRESHOLD + 1);

        assertThat(currency.now()).isEqualTo(new Currency(Currency.State.BEHIND, THRESHOLD + 1, null, null));
        assertThat(currency.now().isCurrent()).isFalse();
    }

    @Test
    void the_threshold_is_the_one_configured() {
        ViewCurrency strict = new ViewCurrency(replay(() -> RebuildProgress.NONE), () -> caughtUp(1L), 0);

        assertThat(strict.now()).isEqualTo(new Currency(Currency.State.BEHIND, 1L, null, null));
        assertThatThrownBy(() -> new ViewCurrency(null, null, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void not_caught_up_since_the_start_is_behind_however_small_the_lag() {
        reading = new ProjectionLag.Reading(false, false, 3L);

        assertThat(currency.now()).isEqualTo(new Currency(Currency.State.BEHIND, 3L, null, null));
    }

    @Test
    void an_unknown_lag_is_behind_by_an_unknown_number_never_current() {
        reading = new ProjectionLag.Reading(false, false, null);
        assertThat(currency.now()).isEqualTo(new Currency(Currency.State.BEHIND, null, null, null));

        reading = caughtUp(null);
        assertThat(currency.now()).as("caught up once, lag unknown now").isEqualTo(new Currency(Currency.State.BEHIND, null, null, null));
    }

    @Test
    void a_rebuild_asked_for_is_rebuilding_before_its_replay_has_begun_with_nothing_to_replay_known_yet() {
        rebuild = REQUESTED;

        assertThat(currency.now()).isEqualTo(new Currency(Currency.State.REBUILDING, null, 0L, null));
    }

    @Test
    void a_replay_under_way_is_rebuilding_with_its_progress_whatever_the_lag_says() {
        rebuild = REPLAYING;
        reading = new ProjectionLag.Reading(false, false, 55_545L);

        assertThat(currency.now()).isEqualTo(new Currency(Currency.State.REBUILDING, null, 12_345L, 67_890L));

        reading = caughtUp(0L); // a lag of 0 just after the seek back to the start must not pass for current
        assertThat(currency.now().state()).isEqualTo(Currency.State.REBUILDING);
    }

    @Test
    void a_finished_rebuild_is_current_once_caught_up_and_behind_until_then() {
        rebuild = DONE;
        reading = new ProjectionLag.Reading(false, false, 40L);
        assertThat(currency.now()).as("at the end offsets it began with, but more came meanwhile")
                .isEqualTo(new Currency(Currency.State.BEHIND, 40L, null, null));

        reading = caughtUp(0L);
        assertThat(currency.now()).isEqualTo(Currency.CURRENT);
    }

    @Test
    void waiting_outranks_everything_else_and_keeps_the_backlog_and_a_rebuilds_progress() {
        reading = new ProjectionLag.Reading(true, true, 0L);
        assertThat(currency.now()).as("caught up, but waiting").isEqualTo(new Currency(Currency.State.WAITING, 0L, null, null));

        reading = new ProjectionLag.Reading(true, true, 2_500L);
        assertThat(currency.now()).isEqualTo(new Currency(Currency.State.WAITING, 2_500L, null, null));

        rebuild = REPLAYING;
        reading = new ProjectionLag.Reading(true, false, null);
        assertThat(currency.now()).isEqualTo(new Currency(Currency.State.WAITING, null, 12_345L, 67_890L));
    }

    /**
     * The view is read before its currency: a rebuild asked for while the figures are read stamps them REBUILDING,
     * never figures of an emptied read model CURRENT.
     */
    @Test
    void the_view_is_read_first_and_stamped_with_the_currency_after_it() {
        ViewCurrency.Stamped<String> read = currency.read(() -> {
            rebuild = REQUESTED; // asked for while the figures were being read
            return "figures";
        });

        assertThat(read.view()).isEqualTo("figures");
        assertThat(read.currency().state()).isEqualTo(Currency.State.REBUILDING);
    }

    @Test
    void a_view_the_caller_may_not_see_is_refused_before_anything_about_its_currency_is_read() {
        reading = null; // reading it would fail the test with a NullPointerException
        RuntimeException refused = new IllegalStateException("refused");

        assertThatThrownBy(() -> currency.read(() -> {
            throw refused;
        })).isSameAs(refused);
    }
}
