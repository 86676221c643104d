package se.stegvis.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import se.stegvis.events.ProjectDefined;
import se.stegvis.events.TargetUnit;
import se.stegvis.schemas.EventTopic;
import se.stegvis.schemas.OlderSchemas;
import se.stegvis.schemas.SampleEvents;
import se.stegvis.schemas.registry.RestSchemaRegistryClient;
import se.stegvis.schemas.registry.SchemaRegistryException;
import se.stegvis.schemas.serde.AvroSerdeConfig;
import se.stegvis.schemas.serde.ConfluentAvroDeserializer;
import se.stegvis.schemas.serde.ConfluentAvroSerializer;
import se.stegvis.schemas.serde.ConfluentWireFormat;
import se.stegvis.testsupport.KafkaTopics;

/**
 * The project's serde, configured only through Kafka properties as a service configures it, against a registry and a
 * broker that subclasses provide: this module's registry on the in-process broker, or Confluent's images.
 */
abstract class SerdeInteropContract {

    abstract String registryUrl();

    abstract String bootstrapServers();

    /** The registry's credentials, "user:password", or null where it asks for none. */
    String userInfo() {
        return null;
    }

    /** The registry URL and, when there are credentials, the settings that send them, as a service configures them. */
    Map<String, Object> registryConfig(Object... more) {
        Map<String, Object> config = new java.util.HashMap<>(AvroSerdeConfig.basicAuth(userInfo()));
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl());
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        return config;
    }

    @Test
    void every_event_travels_through_kafka_and_reads_back_equal() {
        List<SpecificRecord> sent = new ArrayList<>();
        try (KafkaProducer<String, Object> producer = producer()) {
            SampleEvents.byTopic().forEach((topic, events) -> {
                KafkaTopics.ensure(bootstrapServers(), topic.topicName());
                events.forEach(event -> {
                    producer.send(new ProducerRecord<>(topic.topicName(), SampleEvents.PARTICIPANT_ID.toString(), event));
                    sent.add(event);
                });
            });
            producer.flush();
        }
        List<Object> received = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = consumer(true)) {
            consumer.subscribe(java.util.Arrays.stream(EventTopic.values()).map(EventTopic::topicName).toList());
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
                return received.containsAll(sent);
            });
        }
        assertThat(received).containsAll(sent);
    }

    @Test
    void each_topic_has_one_subject_holding_the_union_of_its_events() {
        ConfluentAvroSerializer serializer = serializer();
        for (EventTopic topic : EventTopic.values()) {
            int unionId = registry().register(topic.valueSubject(), topic.valueSchema());
            SampleEvents.byTopic().get(topic).forEach(event -> {
                byte[] bytes = serializer.serialize(topic.topicName(), event);
                assertThat(ConfluentWireFormat.schemaId(bytes)).as(event.getSchema().getName()).isEqualTo(unionId);
            });
            assertThat(registry().schemaById(unionId)).isEqualTo(topic.valueSchema());
        }
    }

    @Test
    void a_project_written_with_the_older_schema_reads_with_todays_class_after_the_registry_accepted_both() throws Exception {
        Schema old = OlderSchemas.projectBeforeTargetDetails();
        int oldId = registry().register(EventTopic.PROJECTS.valueSubject(), old);
        int currentId = registry().register(EventTopic.PROJECTS.valueSubject(), EventTopic.PROJECTS.valueSchema());
        assertThat(oldId).isNotEqualTo(currentId);

        byte[] written = genericSerializerFor().serialize(EventTopic.PROJECTS.topicName(),
                OlderSchemas.project(old, "99-000-T03"));
        ProjectDefined read = (ProjectDefined) deserializer(true).deserialize(EventTopic.PROJECTS.topicName(), written);

        assertThat(read.getProjectId()).isEqualTo("99-000-T03");
        assertThat(read.getTargets().get(0).getUnit()).isEqualTo(TargetUnit.PARTICIPANTS);
        assertThat(read.getTargets().get(0).getGenderShares()).isEmpty();
    }

    @Test
    void an_incompatible_change_is_refused_by_the_registry_with_409() {
        String subject = "stegvis.interop." + UUID.randomUUID() + "-value";
        Schema v1 = SchemaBuilder.record("Probe").namespace("se.stegvis.interop").fields().requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("Probe").namespace("se.stegvis.interop").fields()
                .requiredString("a").requiredInt("addedWithoutDefault").endRecord();
        registry().register(subject, v1);

        assertThatThrownBy(() -> registry().register(subject, v2))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                });
        assertThat(registry().latest(subject).schema()).isEqualTo(v1);
    }

    @Test
    void a_generic_reader_gets_the_written_event_type_by_name() {
        byte[] bytes = serializer().serialize(EventTopic.OUTCOMES.topicName(), SampleEvents.outcomeRecorded());
        GenericRecord record = (GenericRecord) deserializer(false).deserialize(EventTopic.OUTCOMES.topicName(), bytes);
        assertThat(record.getSchema().getName()).isEqualTo("OutcomeRecorded");
        assertThat(record.get("type").toString()).isEqualTo("EMPLOYED");
    }

    @Test
    void a_javascript_confluent_client_decodes_every_event_the_serde_wrote() throws Exception {
        ConfluentJavaScriptClient.assumeAvailable();
        List<SpecificRecord> events = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        SampleEvents.byTopic().forEach((topic, list) -> list.forEach(event -> {
            events.add(event);
            messages.add(HexFormat.of().formatHex(serializer().serialize(topic.topicName(), event)));
        }));
        Path file = Files.createTempFile("messages", ".hex");
        Files.write(file, messages);

        List<String> decoded = ConfluentJavaScriptClient.run("decode", registryUrl(), file.toString());

        assertThat(decoded).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            SpecificRecord event = events.get(i);
            assertThat(decoded.get(i)).as(event.getSchema().getName())
                    .contains(event.get(event.getSchema().getField("eventId").pos()).toString())
                    .contains("\"projectId\":\"" + SampleEvents.PROJECT_ID + "\"");
        }
    }

    @Test
    void the_serde_reads_what_a_javascript_confluent_client_registered_and_wrote() throws Exception {
        ConfluentJavaScriptClient.assumeAvailable();
        int javaId = registry().register(EventTopic.PROJECTS.valueSubject(), EventTopic.PROJECTS.valueSchema());
        Path schemaFile = Files.createTempFile("schema", ".avsc");
        Files.writeString(schemaFile, EventTopic.PROJECTS.valueSchema().toString());
        Path payload = Files.createTempFile("payload", ".json");
        Files.writeString(payload, JAVASCRIPT_PROJECT);

        String registered = ConfluentJavaScriptClient.runWith(userInfo(), "register", registryUrl(),
                EventTopic.PROJECTS.valueSubject(), schemaFile.toString()).get(0);
        String hex = ConfluentJavaScriptClient.run("encode", registryUrl(), String.valueOf(javaId), payload.toString()).get(0);
        ProjectDefined read = (ProjectDefined) deserializer(true).deserialize(EventTopic.PROJECTS.topicName(),
                HexFormat.of().parseHex(hex));

        assertThat(registered).isEqualTo("{\"id\":" + javaId + "}");
        assertThat(read.getProjectId()).isEqualTo("99-000-T04");
        assertThat(read.getPeriodStart()).isEqualTo(java.time.LocalDate.of(2024, 9, 2));
        assertThat(read.getTargets().get(0).getGenderShares()).containsEntry("WOMAN", 50);
    }

    private static final String JAVASCRIPT_PROJECT = """
            {"eventId": "0d8a3c1e-5b2f-4e6a-9c7d-1a2b3c4d5e6f", "occurredAt": 1740821400000, "projectId": "99-000-T04",
             "name": "Projekt från JavaScript", "ownerName": "Exempelkommunen", "ownerOrganisationNumber": null,
             "regionName": "Sydsverige", "nuts2": "SE22", "periodStart": 19968, "periodEnd": 21061,
             "plannedParticipants": 10, "targetGroups": [{"code": "YOUNG_PEOPLE", "label": "Young people"}],
             "activityTypes": ["OUTREACH_CONTACT"], "outcomeTypes": ["EMPLOYED"],
             "targets": [{"code": "work", "target": 5, "unit": "PARTICIPANTS", "outcomeTypes": ["EMPLOYED"],
                          "activityTypes": [], "followUp": null, "genderShares": {"WOMAN": 50, "MAN": 50}}],
             "followUpPoints": ["UPON_LEAVING"]}
            """;

    RestSchemaRegistryClient registry() {
        return new RestSchemaRegistryClient(List.of(registryUrl()), userInfo());
    }

    ConfluentAvroSerializer serializer() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(registryConfig(), false);
        return serializer;
    }

    ConfluentAvroDeserializer deserializer(boolean specific) {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(registryConfig("specific.avro.reader", specific), false);
        return deserializer;
    }

    private ConfluentAvroSerializer genericSerializerFor() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(registryConfig("auto.register.schemas", "false"), false);
        return serializer;
    }

    private KafkaProducer<String, Object> producer() {
        return new KafkaProducer<>(registryConfig(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class));
    }

    private KafkaConsumer<String, Object> consumer(boolean specific) {
        return new KafkaConsumer<>(registryConfig(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "serde-interop-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class,
                "specific.avro.reader", String.valueOf(specific)));
    }

}
