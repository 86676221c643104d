package se.stegvis.consumer;

import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import se.stegvis.schemas.serde.DecodeFailure;

/**
 * What a consumer does when a batch fails, for every binding of the service: the container's error handler, set in
 * place of the binder's own retry and dead-lettering (which, in batch mode, would set aside a whole batch).
 *
 * <ul>
 * <li><b>Wait</b>, without end and with a growing pause: a store or Kafka away (any failure that does not name a
 * record), and a record the registry cannot decode for (no answer, an error, "not found": an emptied or wrong
 * registry must not make a consumer forget events). Nothing after the record is applied or committed meanwhile, and
 * the consumer shows as {@linkplain ConsumerProgress#waiting waiting} (a metric, and readiness DOWN).</li>
 * <li><b>Dead-letter</b>, after the binding's attempts ({@code max-attempts}): a record that cannot be decoded for
 * its own bytes, or an event that cannot be applied ({@link EventNotApplicable}). It goes to the binding's
 * dead-letter topic with Spring Kafka's standard {@code kafka_dlt-*} headers (original topic, partition, offset,
 * exception class), its offset is committed, and consumption goes on with the next record.</li>
 * </ul>
 */
public final class ConsumerPolicy implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ConsumerPolicy.class);

    /** The pause before the first retry of a wait, doubled each time up to {@link #LONGEST_WAIT}. */
    static final Duration FIRST_WAIT = Duration.ofMillis(200);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    /** Where a binding names no attempts of its own: two retries, a second apart, then the dead-letter topic. */
    private static final BackOff DEAD_LETTER_AFTER = new FixedBackOff(1000, 2);

    /** Why a failure happened, and so what follows it. */
    enum Fault {
        /** The record itself: retried a few times, then dead-lettered. */
        RECORD,
        /** The registry, a store or Kafka: waited for without end. */
        SURROUNDINGS
    }

    private final DeadLetterTopics deadLetters;
    private final ConsumerProgress progress;

    public ConsumerPolicy(DeadLetterTopics deadLetters, ConsumerProgress progress) {
        this.deadLetters = deadLetters;
        this.progress = progress;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        throw new IllegalStateException("The binder gives a binding's properties: see the other configure");
    }

    /**
     * Every binding names its dead-letter topic ({@code dlq-name}); the binder's own {@code enable-dlq} stays off, as
     * it cannot be combined with a destination given as a pattern (which lets a service start while Kafka is away).
     */
    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        String deadLetterTopic = properties == null ? null : properties.getExtension().getDlqName();
        if (deadLetterTopic == null || deadLetterTopic.isBlank()) {
            throw new IllegalStateException("The binding of group " + group + " to " + destinationName
                    + " names no dead-letter topic: set spring.cloud.stream.kafka.bindings.<binding>.consumer.dlq-name");
        }
        ConsumerRecordRecoverer recoverer = deadLetters.recoverer(deadLetterTopic, group, progress);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, waitWithoutEnd());
        BackOff deadLetterAfter = backOff != null ? backOff : DEAD_LETTER_AFTER;
        handler.setBackOffFunction((record, failure) -> fault(failure) == Fault.RECORD ? deadLetterAfter : null);
        // Every failure is retried (none skips its back-off), and a record set aside is committed at once.
        handler.setClassifications(java.util.Map.of(), true);
        handler.setCommitRecovered(true);
        handler.setRetryListeners(new Alarm(group));
        // The container's own report of each retry ("Seek to current after exception") would come at ERROR; the alarm
        // below reports each failure once, by class.
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.DEBUG);
        container.setCommonErrorHandler(handler);
    }

    /** The binder's own retry and dead-lettering are off: they would retry in a loop the container knows nothing of. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    static BackOff waitWithoutEnd() {
        ExponentialBackOff wait = new ExponentialBackOff(FIRST_WAIT.toMillis(), 2.0);
        wait.setMaxInterval(LONGEST_WAIT.toMillis());
        wait.setMaxElapsedTime(Long.MAX_VALUE);
        return wait;
    }

    /**
     * The record's own fault only when a batch function named the record ({@link BatchListenerFailedException}) and
     * the cause is the record's: an event not applicable, or bytes that do not decode while the registry answered.
     */
    static Fault fault(Throwable failure) {
        boolean named = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException) {
                named = true;
            }
            if (named && cause instanceof EventNotApplicable) {
                return Fault.RECORD;
            }
            if (named && cause instanceof DeserializationException) {
                return DecodeFailure.registryAtFault(cause) ? Fault.SURROUNDINGS : Fault.RECORD;
            }
        }
        return Fault.SURROUNDINGS;
    }

    /** Marks the group waiting while the surroundings fail; each failed attempt is logged by class, never content. */
    private final class Alarm implements RetryListener {

        private final String group;

        Alarm(String group) {
            this.group = group;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
            failed(record.topic() + "-" + record.partition() + "@" + record.offset(), failure, attempt);
        }

        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int attempt) {
            failed(records.count() + " records", failure, attempt);
        }

        private void failed(String what, Exception failure, int attempt) {
            if (fault(failure) == Fault.SURROUNDINGS) {
                progress.waiting(group, DecodeFailure.classes(failure));
                if (attempt == 1 || attempt % 10 == 0) {
                    log.warn("Consumer group {} waits at {} (attempt {}): {}", group, what, attempt, DecodeFailure.classes(failure));
                }
            } else {
                log.warn("Consumer group {} could not use {} (attempt {}): {}", group, what, attempt, DecodeFailure.classes(failure));
            }
        }
    }
}
