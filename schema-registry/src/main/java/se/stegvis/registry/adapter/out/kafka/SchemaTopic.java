package se.stegvis.registry.adapter.out.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The compacted single-partition topic that holds the registry, created on start when missing (as Confluent does). */
public final class SchemaTopic {

    private static final Logger log = LoggerFactory.getLogger(SchemaTopic.class);

    private final String bootstrapServers;
    private final String name;
    private final short replicationFactor;

    public SchemaTopic(String bootstrapServers, String name, short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.name = name;
        this.replicationFactor = replicationFactor;
    }

    public String name() {
        return name;
    }

    public void ensureExists() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            if (!exists(admin)) {
                create(admin);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not check or create the topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the topic " + name, e);
        }
    }

    private boolean exists(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            TopicDescription topic = admin.describeTopics(java.util.List.of(name)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(name);
            if (topic.partitions().size() != 1) {
                throw new IllegalStateException("The topic " + name + " must have exactly one partition");
            }
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private void create(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        NewTopic topic = new NewTopic(name, 1, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(java.util.List.of(topic)).all().get(30, TimeUnit.SECONDS);
            log.info("Created the registry topic {}", name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
