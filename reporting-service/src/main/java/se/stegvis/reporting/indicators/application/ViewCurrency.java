package se.stegvis.reporting.indicators.application;

import java.util.function.Supplier;

/**
 * Decides how current the views are ({@link Currency}), from the rebuild's progress ({@link Replay}) and the
 * projection's consumer ({@link ProjectionLag}). In this order, the first that holds:
 * <ol>
 * <li>{@code WAITING} while the consumer waits for something it needs: the figures do not move, whatever else holds
 * (a rebuild under way keeps its counts beside it);</li>
 * <li>{@code REBUILDING} from the moment a rebuild is asked for until its replay has reached the end offsets it began
 * with: the read model is emptied on the way, so figures fall to zero and climb;</li>
 * <li>{@code BEHIND} while the consumer has not caught up since it started (or since the rebuild began), while its
 * lag is unknown, or while more than {@code behindThreshold} records are not yet applied;</li>
 * <li>{@code CURRENT} otherwise.</li>
 * </ol>
 * Unknown counts as behind: a view is called current only on a measurement that says so.
 */
public final class ViewCurrency {

    /** A view with how current it was when read. */
    public record Stamped<T>(T view, Currency currency) {
    }

    private final Replay replay;
    private final ProjectionLag lag;
    private final long behindThreshold;

    /** @param behindThreshold records not yet applied that the views may be behind and still count as current */
    public ViewCurrency(Replay replay, ProjectionLag lag, long behindThreshold) {
        if (behindThreshold < 0) {
            throw new IllegalArgumentException("The threshold of records behind cannot be negative: " + behindThreshold);
        }
        this.replay = replay;
        this.lag = lag;
        this.behindThreshold = behindThreshold;
    }

    /**
     * Reads the view, then how current it is: in this order, so figures read after a rebuild emptied the read model
     * are never stamped with the currency from before it (a rebuild counts from the moment it is asked for, before
     * anything is emptied). The view's own access rules apply first: a caller refused the view learns nothing here.
     */
    public <T> Stamped<T> read(Supplier<T> view) {
        T figures = view.get();
        return new Stamped<>(figures, now());
    }

    public Currency now() {
        RebuildProgress rebuild = replay.progress();
        ProjectionLag.Reading reading = lag.read();
        boolean rebuilding = rebuild.state() == RebuildProgress.State.REQUESTED
                || rebuild.state() == RebuildProgress.State.REPLAYING;
        Long replayed = rebuilding ? rebuild.replayed() : null;
        Long toReplay = rebuild.state() == RebuildProgress.State.REPLAYING ? rebuild.toReplay() : null;
        if (reading.waiting()) {
            return new Currency(Currency.State.WAITING, reading.behindBy(), replayed, toReplay);
        }
        if (rebuilding) {
            return new Currency(Currency.State.REBUILDING, null, replayed, toReplay);
        }
        if (!reading.caughtUpSinceStart() || reading.behindBy() == null || reading.behindBy() > behindThreshold) {
            return new Currency(Currency.State.BEHIND, reading.behindBy(), null, null);
        }
        return Currency.CURRENT;
    }
}
