package se.stegvis.outbox;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.serialization.Serializer;

/** Serializes normally until the n-th record, then holds every further one until {@link #open()}. */
final class GatedSerializer implements Serializer<Object> {

    private final Serializer<Object> delegate;
    private final int closesAt;
    private final AtomicInteger serialized = new AtomicInteger();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    GatedSerializer(Serializer<Object> delegate, int closesAt) {
        this.delegate = delegate;
        this.closesAt = closesAt;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (serialized.incrementAndGet() >= closesAt) {
            reached.countDown();
            try {
                opened.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return delegate.serialize(topic, data);
    }

    boolean reached() {
        return reached.getCount() == 0;
    }

    void open() {
        opened.countDown();
    }
}
