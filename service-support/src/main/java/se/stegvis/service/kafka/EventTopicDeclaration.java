package se.stegvis.service.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stegvis.schemas.EventTopic;

/**
 * Creates the topics a service writes, if they are missing: the projects and memberships topics compacted (each
 * carries a project's full state), every participant-scoped topic with the one partition count they share (co-partitioning: the key is
 * the participant id, so partition p of each holds the same participants). Runs in the background and retries,
 * since a service must start and accept commands while Kafka is down.
 */
public final class EventTopicDeclaration {

    private static final Logger log = LoggerFactory.getLogger(EventTopicDeclaration.class);

    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;
    private final List<EventTopic> written;
    private volatile Thread worker;

    public EventTopicDeclaration(String bootstrapServers, int partitions, short replicationFactor, List<EventTopic> written) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.written = List.copyOf(written);
    }

    public void start() {
        Thread thread = new Thread(this::declareUntilDone, "event-topic-declaration");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    public void stop() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    private void declareUntilDone() {
        Duration wait = Duration.ofMillis(500);
        while (!Thread.currentThread().isInterrupted()) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                List<NewTopic> missing = new ArrayList<>();
                topics().stream().filter(topic -> !existing.contains(topic.name())).forEach(missing::add);
                if (!missing.isEmpty()) {
                    admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                    log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("Could not declare the event topics yet ({}); retrying in {} ms", e.toString(), wait.toMillis());
                sleepQuietly(wait);
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : wait.multipliedBy(2);
            }
        }
    }

    private List<NewTopic> topics() {
        return written.stream().map(this::topic).toList();
    }

    private NewTopic topic(EventTopic topic) {
        if (topic.compacted()) {
            return new NewTopic(topic.topicName(), 1, replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return new NewTopic(topic.topicName(), partitions, replicationFactor);
    }

    private static void sleepQuietly(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
