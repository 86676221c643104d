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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.schemas.EventTopic;

/**
 * Creates the topics a service writes, if they are missing, with {@link EventTopic#topicConfigs()}: nothing deleted,
 * the projects and memberships topics compacted (each carries a project's full state), every participant-scoped topic
 * with the one partition count they share (co-partitioning: the key is the participant id, so partition p of each
 * holds the same participants). Then it checks that every existing event topic keeps every event
 * ({@link EventTopicRetention}) and refuses otherwise: at start, when Kafka answers within moments, by failing the
 * start with what to change; when Kafka answers only later, by stopping the service ({@link Stop}) with exit code
 * {@value #CONFIGURATION_ERROR} and the same message. It waits for Kafka in the background, since a service must start
 * and accept commands while Kafka is down.
 */
public final class EventTopicDeclaration {

    private static final Logger log = LoggerFactory.getLogger(EventTopicDeclaration.class);

    /**
     * The exit code of a service that stops for an event topic that deletes events: sysexits' EX_CONFIG, a
     * configuration an operator must change (restarting alone would only stop it again).
     */
    public static final int CONFIGURATION_ERROR = 78;

    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;
    private final List<EventTopic> written;
    private final Stop refuse;
    private volatile Thread worker;

    /**
     * @param refuse how the service stops when an event topic is found to delete events after it started (Kafka was
     *        away at start): {@link Stop#exiting} in a service
     */
    public EventTopicDeclaration(String bootstrapServers, int partitions, short replicationFactor, List<EventTopic> written,
            Stop refuse) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.written = List.copyOf(written);
        this.refuse = refuse;
    }

    /** Declares and checks now if Kafka answers within seconds (a topic that deletes events fails the start), else later. */
    public void start() {
        try {
            if (declareOnce(Duration.ofSeconds(3))) {
                return;
            }
        } catch (EventsWouldBeDeleted refused) {
            throw refused;
        } catch (Exception e) {
            log.info("Kafka does not answer yet ({}); the event topics are declared once it does", e.toString());
        }
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

    /** How a service stops itself, with an exit code and why (the reason is already logged). */
    @FunctionalInterface
    public interface Stop {

        void stop(int exitCode, String reason);

        /** The service's own: its context closed, then the JVM ended with the exit code, for a supervisor to see. */
        static Stop exiting(ConfigurableApplicationContext context) {
            return (exitCode, reason) -> System.exit(SpringApplication.exit(context, () -> exitCode));
        }
    }

    /** Thrown when an existing event topic deletes events: the message says which and what to change. */
    public static final class EventsWouldBeDeleted extends IllegalStateException {
        EventsWouldBeDeleted(List<String> problems) {
            super(String.join(" ", problems));
        }
    }

    /** One attempt: true when done, throws {@link EventsWouldBeDeleted} for a topic that deletes events. */
    private boolean declareOnce(Duration timeout) throws Exception {
        int millis = (int) timeout.toMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis))) {
            Set<String> existing = admin.listTopics().names().get(millis, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            topics().stream().filter(topic -> !existing.contains(topic.name())).forEach(missing::add);
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            }
            List<String> eventTopics = java.util.Arrays.stream(EventTopic.values()).map(EventTopic::topicName)
                    .filter(name -> existing.contains(name) || missing.stream().anyMatch(topic -> topic.name().equals(name))).toList();
            List<String> problems = EventTopicRetention.problems(admin, eventTopics, bootstrapServers);
            if (!problems.isEmpty()) {
                throw new EventsWouldBeDeleted(problems);
            }
            return true;
        }
    }

    private void declareUntilDone() {
        Duration wait = Duration.ofMillis(500);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (declareOnce(Duration.ofSeconds(10))) {
                    return;
                }
            } catch (EventsWouldBeDeleted refused) {
                log.error("Stopping: {}", refused.getMessage());
                refuse.stop(CONFIGURATION_ERROR, refused.getMessage());
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
        return new NewTopic(topic.topicName(), topic.compacted() ? 1 : partitions, replicationFactor).configs(topic.topicConfigs());
    }

    private static void sleepQuietly(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
