package se.stegvis.reporting.indicators.adapter.in.messaging;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.MessageListenerContainer;
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
import se.stegvis.schemas.serde.DecodeFailure;

/**
 * The batch function that feeds the {@link IndicatorProjection} from the four projected topics through Spring Cloud
 * Stream's Kafka binder, bound as {@value #BINDING} (settings in {@code stegvis-projection.yml}, the consumer policy in
 * event-consumer's {@code stegvis-consumer.yml}). Each batch: translate every event up to the first record that cannot
 * be used and apply them to the working state in memory; the offsets are committed by the {@link Checkpoints} once the
 * store holds what the batches changed. The record at fault is handled by the consumer policy (wait for the registry,
 * dead-letter a record that is its own fault), after everything before it is stored. The projection's idempotence
 * makes any repeat harmless. A rebuild is a replay of the group ({@link Replays}), also begun when the store is found
 * empty (or of an earlier form) at start.
 */
public final class ProjectionFunction implements Consumer<Message<List<Object>>>, Replay, AutoCloseable {

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

    private static final Logger log = LoggerFactory.getLogger(ProjectionFunction.class);

    private final IndicatorProjection projection;
    private final ConsumerProgress progress;
    private final Replays replays;
    private final String group;
    private final Checkpoints checkpoints;

    /** @param checkpointInterval how often at most the working state is written to the store while records come */
    public ProjectionFunction(IndicatorProjection projection, ConsumerProgress progress, Replays replays, String group,
            Duration checkpointInterval) {
        this.projection = projection;
        this.progress = progress;
        this.replays = replays;
        this.group = group;
        this.checkpoints = new Checkpoints(projection, progress, group, checkpointInterval);
        progress.expect(group);
        replays.register(group, () -> checkpoints.clearForReplay(projection::clear), projection::needsReplay);
    }

    @Override
    public void accept(Message<List<Object>> message) {
        EventBatch batch = EventBatch.of(message);
        if (replays.beginIfRequested(batch.group(), batch.consumer())) {
            return;
        }
        // Committed by the checkpoints once stored; before a record at fault goes to the container, which commits the
        // records before it (and it, once set aside), everything applied is stored.
        BatchApplication.apply(batch, EventTranslation::translate, projection::apply,
                new BatchApplication.Commits(checkpoints::applied, failed -> checkpoints.flush(failed.consumer())), progress);
        noteReplay();
    }

    /**
     * Whether a replay from the start is under way, as the consumer measured it after its last batch or idle moment
     * (a replay's beginning tells the checkpoints itself, see {@link Checkpoints#clearForReplay}):
     * while it is, no checkpoint begins merely because one is due, and no running counts are kept; once it is done,
     * both resume.
     */
    private void noteReplay() {
        boolean replaying = replays.progress(group).map(replay -> replay.state() != ReplayProgress.State.DONE).orElse(false);
        checkpoints.replaying(replaying);
        if (!replaying) {
            projection.replayed();
        }
    }

    /**
     * While nothing comes, on the consumer's thread: what changed is written now, and its offsets committed. A store
     * that is away is tried again at the next batch or idle moment (and the batch then waits for it).
     */
    @EventListener
    public void idle(ListenerContainerIdleEvent event) {
        MessageListenerContainer container = event.getContainer(MessageListenerContainer.class);
        if (container == null || !group.equals(container.getGroupId()) || event.getConsumer() == null) {
            return;
        }
        noteReplay();
        try {
            checkpoints.idle(event.getConsumer());
        } catch (RuntimeException away) {
            log.warn("Consumer group {} could not write a checkpoint while idle: {}", group, DecodeFailure.classes(away));
        }
    }

    @Override
    public void close() {
        checkpoints.close();
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
