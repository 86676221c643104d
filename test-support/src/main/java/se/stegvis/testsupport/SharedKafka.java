package se.stegvis.testsupport;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real in-process KRaft Kafka broker per test JVM, started on first use and stopped when the JVM exits.
 * Test classes isolate themselves by topic name (or consumer group), not by starting brokers of their own.
 */
public final class SharedKafka {

    private static EmbeddedKafkaKraftBroker broker;

    private SharedKafka() {
    }

    /** The bootstrap servers of the shared broker, starting it if this is the first call in the JVM. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = start();
        }
        return broker.getBrokersAsString();
    }

    /** The shared broker, for tests that create topics or need its admin client. */
    public static synchronized EmbeddedKafkaKraftBroker broker() {
        bootstrapServers();
        return broker;
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3);
        started.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "3",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        started.afterPropertiesSet();
        // The embedded broker publishes its address in JVM-wide system properties, for Spring tests that take it from
        // there. Ours are told their broker explicitly; a system property would reach a service that was told another
        // (the Kafka binder's own context reads it), so it goes.
        System.clearProperty("spring.kafka.bootstrap-servers");
        System.clearProperty("spring.embedded.kafka.brokers");
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "shared-kafka-shutdown"));
        return started;
    }
}
