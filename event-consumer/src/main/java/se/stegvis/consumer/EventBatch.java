package se.stegvis.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.header.Header;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * One poll's records as the Kafka binder hands them to a batch function ({@code Message<List<Object>>}, native
 * decoding through an {@code ErrorHandlingDeserializer}): for each record where it came from, and its event or why
 * it could not be decoded. Also the two things only the consumer's own thread may touch: the consumer (to read its
 * lag, or to seek for a rebuild) and the acknowledgment that commits the batch.
 */
public final class EventBatch {

    private static final LogAccessor LOG = new LogAccessor(EventBatch.class);

    /** A record of the batch: an event, or ({@code event} null) the failure that kept it from being decoded. */
    public record Entry(int index, String topic, int partition, long offset, SpecificRecord event, DeserializationException failure) {

        public boolean decoded() {
            return event != null;
        }

        /** Where the record is, for logs and dead letters: never its content. */
        public String coordinates() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    private final List<Entry> entries;
    private final String group;
    private final Consumer<?, ?> consumer;
    private final Acknowledgment acknowledgment;

    EventBatch(List<Entry> entries, String group, Consumer<?, ?> consumer, Acknowledgment acknowledgment) {
        this.entries = List.copyOf(entries);
        this.group = group;
        this.consumer = consumer;
        this.acknowledgment = acknowledgment;
    }

    /** Reads the binder's batch message: the payloads with their per-record headers, in poll order. */
    public static EventBatch of(Message<List<Object>> message) {
        MessageHeaders headers = message.getHeaders();
        List<Object> payloads = message.getPayload();
        List<?> topics = list(headers, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(headers, KafkaHeaders.OFFSET);
        List<?> perRecord = list(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<Entry> entries = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Object payload = payloads.get(i);
            SpecificRecord event = payload instanceof SpecificRecord record ? record : null;
            DeserializationException failure = event == null ? failure(perRecord, i, payload) : null;
            entries.add(new Entry(i, (String) topics.get(i), ((Number) partitions.get(i)).intValue(),
                    ((Number) offsets.get(i)).longValue(), event, failure));
        }
        return new EventBatch(entries, headers.get(KafkaHeaders.GROUP_ID, String.class),
                headers.get(KafkaHeaders.CONSUMER, Consumer.class), headers.get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class));
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The consumer group the batch was polled for. */
    public String group() {
        return group;
    }

    /** The consumer that polled the batch: use it on this thread only, and only while the function runs. */
    public Consumer<?, ?> consumer() {
        return consumer;
    }

    /** Commits the whole batch now (the binding acknowledges manually): call it once the store write holds. */
    public void acknowledge() {
        if (acknowledgment != null) {
            acknowledgment.acknowledge();
        }
    }

    private static List<?> list(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalStateException("A batch without the header " + name + ": is the binding in batch mode?");
    }

    /**
     * The deserializer's failure, from the header the {@code ErrorHandlingDeserializer} left on the record. A payload
     * that is neither an event nor marked as failed (a value of a type we do not read) is a failure too.
     */
    private static DeserializationException failure(List<?> perRecord, int index, Object payload) {
        if (index < perRecord.size() && perRecord.get(index) instanceof Map<?, ?> recordHeaders
                && recordHeaders.get(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) instanceof Header header) {
            DeserializationException failure = SerializationUtils.byteArrayToDeserializationException(LOG, header);
            if (failure != null) {
                return failure;
            }
        }
        String type = payload == null ? "null" : payload.getClass().getName();
        return new DeserializationException("Not an event: a value of type " + type, new byte[0], false, null);
    }
}
