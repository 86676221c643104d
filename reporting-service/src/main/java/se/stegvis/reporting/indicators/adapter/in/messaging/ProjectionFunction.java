package se.stegvis.reporting.indicators.adapter.in.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.messaging.Message;

import se.stegvis.consumer.BatchApplication;
import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.consumer.EventBatch;
import se.stegvis.consumer.ReplayProgress;
import se.stegvis.consumer.Replays;
import se.stegvis.reporting.indicators.application.IndicatorProjection;
import se.stegvis.reporting.indicators.application.RebuildProgress;
import se.stegvis.reporting.indicators.application.Replay;
import se.stegvis.schemas.EventTopic;

/**
 * The batch function that feeds the {@link IndicatorProjection} from the four projected topics through Spring Cloud
 * Stream's Kafka binder, bound as {@value #BINDING} (settings in {@code stegvis-projection.yml}, the consumer policy in
 * event-consumer's {@code stegvis-consumer.yml}). Each batch: translate every event up to the first record that cannot
 * be used, apply them in one write, then commit; the record at fault is handled by the consumer policy (wait for the
 * registry or the store, dead-letter a record that is its own fault). The projection's idempotence makes any repeat
 * harmless. A rebuild is a replay of the group ({@link Replays}), also begun when the store is found empty at start.
 */
public final class ProjectionFunction implements Consumer<Message<List<Object>>>, Replay {

    /** The function's bean name, as {@code spring.cloud.function.definition} names it. */
    public static final String NAME = "indicatorProjection";
    public static final String BINDING = NAME + "-in-0";

    /**
     * The topics the indicators are counted from, as the binding's destination pattern names them. Not the
     * memberships topic: who may see what is read by the access layer ({@code MembershipTopic}), and a membership here
     * would only be set aside as a record the projection does not know.
     */
    public static final List<EventTopic> PROJECTED_TOPICS = List.of(EventTopic.PROJECTS, EventTopic.PARTICIPANTS,
            EventTopic.ACTIVITIES, EventTopic.OUTCOMES);

    private final IndicatorProjection projection;
    private final ConsumerProgress progress;
    private final Replays replays;
    private final String group;

    public ProjectionFunction(IndicatorProjection projection, ConsumerProgress progress, Replays replays, String group) {
        this.projection = projection;
        this.progress = progress;
        this.replays = replays;
        this.group = group;
        progress.expect(group);
        replays.register(group, projection::clear, projection::isEmpty);
    }

    @Override
    public void accept(Message<List<Object>> message) {
        EventBatch batch = EventBatch.of(message);
        if (replays.beginIfRequested(batch.group(), batch.consumer())) {
            return;
        }
        BatchApplication.apply(batch, EventTranslation::translate, projection::apply, progress);
    }

    @Override
    public RebuildProgress requestRebuild() {
        replays.request(group);
        return progress();
    }

    @Override
    public RebuildProgress progress() {
        return replays.progress(group).map(ProjectionFunction::rebuild).orElse(RebuildProgress.NONE);
    }

    private static RebuildProgress rebuild(ReplayProgress replay) {
        return new RebuildProgress(RebuildProgress.State.valueOf(replay.state().name()), replay.replayed(), replay.toReplay(),
                replay.requestedAt(), replay.finishedAt());
    }
}
