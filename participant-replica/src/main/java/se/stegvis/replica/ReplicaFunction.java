package se.stegvis.replica;

import java.util.List;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.messaging.Message;

import se.stegvis.consumer.BatchApplication;
import se.stegvis.consumer.ConsumerProgress;
import se.stegvis.consumer.EventBatch;
import se.stegvis.consumer.Replays;

/**
 * The batch function that keeps a replica ({@link MongoReplica}) up to date from {@code stegvis.projects.v1} and
 * {@code stegvis.participants.v1}, bound as {@value #BINDING} (settings in {@code stegvis-replica.yml}). Each batch is
 * applied in one go (every event up to the first record that cannot be used, see {@link BatchApplication#apply}),
 * then committed; a record at fault is handled by the consumer policy (wait for the registry or the store,
 * dead-letter a record that is its own fault), and the replica's idempotence makes any repeat harmless.
 */
public final class ReplicaFunction implements Consumer<Message<List<Object>>> {

    /** The function's bean name, as {@code spring.cloud.function.definition} names it. */
    public static final String NAME = "participantReplica";
    public static final String BINDING = NAME + "-in-0";

    private final ReplicaStore replica;
    private final ConsumerProgress progress;
    private final Replays replays;

    public ReplicaFunction(ReplicaStore replica, ConsumerProgress progress, Replays replays, String group) {
        this.replica = replica;
        this.progress = progress;
        this.replays = replays;
        progress.expect(group);
        replays.register(group, replica::clear);
    }

    @Override
    public void accept(Message<List<Object>> message) {
        EventBatch batch = EventBatch.of(message);
        if (replays.beginIfRequested(batch.group(), batch.consumer())) {
            return;
        }
        BatchApplication.apply(batch, this::checked, replica::apply, progress);
    }

    private SpecificRecord checked(SpecificRecord event) {
        replica.check(event);
        return event;
    }
}
