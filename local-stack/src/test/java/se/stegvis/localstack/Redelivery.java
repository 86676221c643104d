package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Redelivery made certain rather than left to chance. A service killed with SIGKILL between applying a batch and
 * committing its offsets is given that batch again when it starts; whether a kill lands in that gap is timing. So
 * while the killed service is down (its group empty once the dead member's session has run out) its group's committed
 * offsets are set back by up to {@link #BATCH} records a partition, which is exactly the state such a kill leaves: the
 * records applied, the offsets not committed. Once the stack converged, the started-again process's own metric says
 * how many events it applied; more than were published since the kill means the redelivered ones were applied again.
 */
final class Redelivery {

    /** Records a partition set back: less than one poll's worth (max.poll.records 1000). */
    static final int BATCH = 40;

    private static final Duration EMPTY_GROUP = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A service given its last records again: the group's committed offsets summed just after the kill, how many set back. */
    record Planted(String service, String group, long committedAtKill, long setBack) {
    }

    /** What the started-again process applied, against what was published to its group since the kill. */
    record Measured(Planted planted, long applied, long publishedSinceKill) {

        long redelivered() {
            return applied - publishedSinceKill;
        }

        String describe() {
            return String.format("%s %d (set back %d, applied %d, published since the kill %d)", planted.service(), redelivered(),
                    planted.setBack(), applied, publishedSinceKill);
        }
    }

    private Redelivery() {
    }

    /** The consumer group of a service that consumes events, or null for one that does not. */
    static String group(String service) {
        return switch (service) {
            case "reporting" -> "reporting-service.projection";
            case "activity", "outcome" -> service + "-service.replica";
            default -> null;
        };
    }

    /** Waits for the killed service's group to be empty, then sets its committed offsets back. */
    static Planted setBack(String bootstrapServers, String service) {
        String group = group(service);
        try (Admin admin = admin(bootstrapServers)) {
            await(group + " empty after the kill").atMost(EMPTY_GROUP).pollInterval(Duration.ofMillis(500))
                    .until(() -> admin.describeConsumerGroups(List.of(group)).all().get().get(group).groupState() == GroupState.EMPTY);
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
            Map<TopicPartition, OffsetAndMetadata> back = new HashMap<>();
            long setBack = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                long offset = entry.getValue().offset();
                long to = Math.max(0, offset - BATCH);
                back.put(entry.getKey(), new OffsetAndMetadata(to));
                setBack += offset - to;
            }
            admin.alterConsumerGroupOffsets(group, back).all().get();
            assertThat(setBack).as("records of %s set back", group).isPositive();
            return new Planted(service, group, sum(committed), setBack);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Once the group has caught up with its partitions' ends: the events the process applied, against those published. */
    static Measured measure(String bootstrapServers, int managementPort, Planted planted) {
        try (Admin admin = admin(bootstrapServers)) {
            await(planted.group() + " caught up").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> caughtUp(admin, planted.group()));
            long published = sum(committed(admin, planted.group())) - planted.committedAtKill();
            return new Measured(planted, applied(managementPort, planted), published);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean caughtUp(Admin admin, String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        return committed.entrySet().stream().allMatch(entry -> entry.getValue().offset() == ends.get(entry.getKey()).offset());
    }

    /** The process's applied counter, from its management port's Prometheus page. */
    private static long applied(int managementPort, Planted planted) {
        String page = get(managementPort, "/actuator/prometheus");
        // Every consumer (the replicas, reporting's projection) counts under the same meter, tagged with its group.
        Pattern line = Pattern.compile("(?m)^stegvis_consumer_applied_total\\{[^}]*group=\"" + Pattern.quote(planted.group())
                + "\"[^}]*} (\\S+)$");
        Matcher matcher = line.matcher(page);
        assertThat(matcher.find()).as("the applied counter of %s on its metrics page", planted.group()).isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset);
            }
        });
        return committed;
    }

    private static long sum(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }

    private static String get(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s on port %d", path, port).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
