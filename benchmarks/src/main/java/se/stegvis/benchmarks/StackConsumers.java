package se.stegvis.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the stack has caught up with what was sent to it, from the broker and the services' own metrics:
 * <ul>
 * <li>every event topic holds at least the events the requests so far published (each enrolment, leaving, activity,
 * outcome and retraction one event), so no outbox still holds one;
 * <li>every consumer group of the services has committed, on every partition of the event topics it reads, the end
 * offset: the services commit after their write, so everything is applied (a lag gauge says 0 as soon as the records
 * are fetched, while the batch may still be written);
 * <li>no consumer waits for the registry, its store or Kafka ({@code stegvis_consumer_waiting}).
 * </ul>
 * Measurements start only then, so that none of them pays for the seeding's tail; and a seeding pass that needs the
 * previous one applied (outcomes need the leavings) waits for it.
 */
final class StackConsumers {

    /** Groups of the benchmark's own, not the stack's: the plain consumers commit nothing, the extra replicas come and go. */
    static final List<String> NOT_THE_STACKS = List.of("replay-benchmark", "outcome-service.catch-up");
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Map<String, Integer> managementPorts;

    /** @param managementPorts each service's management port, by its name */
    StackConsumers(String bootstrapServers, Map<String, Integer> managementPorts) {
        this.bootstrapServers = bootstrapServers;
        this.managementPorts = managementPorts;
    }

    /**
     * Until nothing is behind and {@code alsoDone} holds, twice in a row a second apart; fails after {@code patience},
     * naming what was still behind.
     *
     * @param published the events each topic must hold at least
     */
    Duration awaitCaughtUp(Duration patience, Map<String, Long> published, BooleanSupplier alsoDone) throws Exception {
        long start = System.nanoTime();
        long lastReport = start;
        int quiet = 0;
        List<String> behind = List.of();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            while (quiet < 2) {
                behind = new ArrayList<>(behind(admin, published));
                behind.addAll(waiting());
                quiet = behind.isEmpty() && alsoDone.getAsBoolean() ? quiet + 1 : 0;
                if (System.nanoTime() - start > patience.toNanos()) {
                    throw new IllegalStateException("the stack did not catch up within " + patience.toMinutes() + " minutes: "
                            + (behind.isEmpty() ? "the view does not count every participant" : String.join("; ", behind)));
                }
                if (System.nanoTime() - lastReport > REPORT_EVERY.toNanos()) {
                    System.out.println("[bench] waiting for the stack to catch up: " + (behind.isEmpty() ? "the view does not count every participant yet"
                            : String.join("; ", behind)));
                    lastReport = System.nanoTime();
                }
                if (quiet < 2) {
                    Thread.sleep(POLL.toMillis());
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private List<String> behind(Admin admin, Map<String, Long> published) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(StackTopics.ALL).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(topic -> topic.partitions()
                .forEach(partition -> latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((partition, info) -> end.put(partition, info.offset()));
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS)) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet()) {
                if (offset.getValue() != null) {
                    offsets.put(offset.getKey(), offset.getValue().offset());
                }
            }
            committed.put(group.groupId(), offsets);
        }
        return behind(end, committed, published);
    }

    /**
     * What is behind, one phrase each; empty when every topic holds what was published and every group of the stack
     * that reads a topic has committed its end on each of the topic's partitions.
     *
     * @param end       the end offset of every partition of the event topics (their beginnings are 0: nothing is deleted)
     * @param committed each consumer group's committed offsets
     */
    static List<String> behind(Map<TopicPartition, Long> end, Map<String, Map<TopicPartition, Long>> committed, Map<String, Long> published) {
        List<String> behind = new ArrayList<>();
        Map<String, Long> held = new HashMap<>();
        end.forEach((partition, offset) -> held.merge(partition.topic(), offset, Long::sum));
        published.forEach((topic, count) -> {
            if (held.getOrDefault(topic, 0L) < count) {
                behind.add(String.format(Locale.ROOT, "%s holds %,d of the %,d events published", topic, held.getOrDefault(topic, 0L), count));
            }
        });
        committed.forEach((group, offsets) -> {
            if (NOT_THE_STACKS.stream().anyMatch(group::startsWith)) {
                return;
            }
            offsets.keySet().stream().map(TopicPartition::topic).filter(held::containsKey).distinct().sorted().forEach(topic -> {
                long lag = end.entrySet().stream().filter(partition -> partition.getKey().topic().equals(topic))
                        .mapToLong(partition -> partition.getValue() - offsets.getOrDefault(partition.getKey(), 0L)).sum();
                if (lag != 0) {
                    behind.add(String.format(Locale.ROOT, "group %s has %,d events of %s to apply", group, lag, topic));
                }
            });
        });
        return behind;
    }

    /** Every consumer group of every service that waits for something it needs. */
    private List<String> waiting() {
        List<String> waiting = new ArrayList<>();
        managementPorts.forEach((service, port) -> {
            try {
                waiting.addAll(waiting(service, PrometheusText.scrape(port)));
            } catch (IOException e) {
                waiting.add(service + " does not answer its metrics (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
        return waiting;
    }

    static List<String> waiting(String service, PrometheusText metrics) {
        return metrics.all("stegvis_consumer_waiting").stream().filter(sample -> sample.value() != 0)
                .map(sample -> service + ": group " + sample.labels().get("group") + " waits").toList();
    }
}
