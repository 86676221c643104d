package se.stegvis.localstack;

import com.mongodb.client.MongoClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;

/**
 * Searches a running stack for personal data with a {@link PiiScanner}: every record of every topic (key, value and
 * headers as raw bytes, and the Stegvis events also decoded with the project's deserializer), every component's log,
 * and every document of every database. A planted control (a person nobody enrolled, written to a topic, a database
 * and a log file of its own) shows that the search finds what is there.
 */
final class PersonalDataSearch {

    /** The header every consumer's dead letters carry (Spring Kafka's): the event topic the record was taken from. */
    static final String DEAD_LETTER_ORIGIN = "kafka_dlt-original-topic";
    static final String CONTROL_TOPIC = "e2e.pii-control";
    static final String CONTROL_DATABASE = "e2e-pii-control";
    static final String CONTROL_LOG = "e2e-pii-control.log";
    static final CastMember CONTROL = new CastMember("CONTROL", "-", "-", null, "197708234419", CastMember.Form.TWELVE,
            "Plantomir", "Kontrollzqvist");

    private final SharedStack.Running stack;
    private final List<String> decoded = new ArrayList<>();

    PersonalDataSearch(SharedStack.Running stack) {
        this.stack = stack;
    }

    /** The control person's names and number forms, written where the search must find them. */
    void plantControl() throws Exception {
        byte[] planted = ("planted control: " + String.join(" ", CONTROL.names()) + " " + String.join(" / ", CONTROL.numberForms()))
                .getBytes(StandardCharsets.UTF_8);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(CONTROL_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(CONTROL_TOPIC, planted)).get(30, TimeUnit.SECONDS);
        }
        try (MongoClient mongo = DatabaseDump.client(stack.ports().port("mongo"))) {
            mongo.getDatabase(CONTROL_DATABASE).getCollection("planted").insertOne(new Document("_id", "control")
                    .append("note", new String(planted, StandardCharsets.UTF_8)));
        }
        Files.write(stack.logs().resolve(CONTROL_LOG), planted);
    }

    /** Everything the stack holds, scanned. */
    PiiScanner scan(Set<String> numbers, Set<String> names) throws Exception {
        PiiScanner scanner = new PiiScanner(numbers, names);
        try (Admin admin = admin(); ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer()) {
            deserializer.configure(Map.of("schema.registry.url", stack.registryUrl(), "specific.avro.reader", "true"), false);
            for (TopicDump.Message message : TopicDump.all(admin, stack.bootstrapServers())) {
                String where = "topic " + message.where();
                scanner.scan("topics", where + " key", message.key());
                scanner.scan("topics", where, message.value());
                for (Header header : message.headers()) {
                    scanner.scan("topics", where + " header " + header.key(), header.value());
                }
                decode(message, deserializer).ifPresent(event -> scanner.scan("decoded events", where + " decoded", event));
            }
        }
        try (Stream<Path> logs = Files.list(stack.logs())) {
            for (Path log : logs.toList()) {
                scanner.scan("logs", "log " + log.getFileName(), Files.readAllBytes(log));
            }
        }
        try (MongoClient mongo = DatabaseDump.client(stack.ports().port("mongo"))) {
            for (DatabaseDump.StoredDocument document : DatabaseDump.all(mongo)) {
                scanner.scan("databases", "database " + document.where(), document.bson());
                scanner.scan("databases", "database " + document.where() + " as JSON", document.json());
            }
        }
        return scanner;
    }

    /** The decoded events' text, as far as the search has read them. */
    List<String> decodedEvents() {
        return List.copyOf(decoded);
    }

    /**
     * A Stegvis event decoded as a consumer with the stock settings would; a dead letter (of any consumer: the record
     * as it was written, with the topic it came from in a header) decoded with that topic. A record of an event topic
     * that does not decode fails the search: the scan would be blind to it.
     */
    private Optional<String> decode(TopicDump.Message message, ConfluentAvroDeserializer deserializer) {
        boolean eventTopic = EventTopic.byTopicName(message.topic()).isPresent();
        Optional<String> origin = eventTopic ? Optional.empty() : message.headers().stream()
                .filter(h -> h.key().equals(DEAD_LETTER_ORIGIN)).map(h -> new String(h.value(), StandardCharsets.UTF_8))
                .findFirst();
        if (!eventTopic && origin.isEmpty() || message.value() == null) {
            return Optional.empty();
        }
        String topic = origin.orElse(message.topic());
        try {
            String event = String.valueOf(deserializer.deserialize(topic, message.value()));
            decoded.add(event);
            return Optional.of(event);
        } catch (RuntimeException undecodable) {
            if (eventTopic) {
                throw new AssertionError(message.where() + " does not decode", undecodable);
            }
            return Optional.empty();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()));
    }
}
