package se.stegvis.service.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Whether existing event topics keep every event. A topic that deletes by time or size (Kafka's default: 7 days)
 * silently loses what a rebuild of any read model or replica would need, so a service refuses to run against one and
 * says what to change.
 */
public final class EventTopicRetention {

    private EventTopicRetention() {
    }

    /** What is wrong with the named topics (those that exist), one sentence each with the fix; empty when all keep everything. */
    public static List<String> problems(Admin admin, Collection<String> topicNames, String bootstrapServers)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<ConfigResource> resources = topicNames.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        if (resources.isEmpty()) {
            return List.of();
        }
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
        List<String> problems = new ArrayList<>();
        configs.forEach((resource, config) -> problem(resource.name(), config, bootstrapServers).ifPresent(problems::add));
        return problems;
    }

    static java.util.Optional<String> problem(String topic, Config config, String bootstrapServers) {
        String policy = value(config, TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
            return java.util.Optional.empty(); // compacted only: each key's latest state is kept
        }
        long retentionMs = Long.parseLong(value(config, TopicConfig.RETENTION_MS_CONFIG, "604800000"));
        long retentionBytes = Long.parseLong(value(config, TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
        if (retentionMs < 0 && retentionBytes < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Event topic " + topic + " deletes events (cleanup.policy=" + policy + ", retention.ms="
                + retentionMs + ", retention.bytes=" + retentionBytes + "): Stegvis needs every event kept, or a rebuild "
                + "loses what was deleted. Change it with: kafka-configs.sh --bootstrap-server " + bootstrapServers
                + " --alter --entity-type topics --entity-name " + topic + " --add-config retention.ms=-1,retention.bytes=-1");
    }

    private static String value(Config config, String name, String otherwise) {
        ConfigEntry entry = config.get(name);
        return entry == null || entry.value() == null ? otherwise : entry.value();
    }
}
