package se.stegvis.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The rules of DESIGN.md for what an event is and what it may carry, checked on every schema of the contract. */
class EventContractTest {

    private static final Pattern PERSONAL_DATA = Pattern.compile(
            "(?i).*(name|identity|personnummer|ssn|birth|address|street|postal|zip|phone|mobile|e?mail|municipality|kommun|city|placement|comment|note|freetext|description).*");
    /** Field names that match the pattern but hold no personal data: a project's and an organisation's names. */
    private static final Set<String> ALLOWED = Set.of("ProjectDefined.name", "ProjectDefined.ownerName",
            "ProjectDefined.regionName", "ProjectDefined.ownerOrganisationNumber");

    @Test
    void every_event_carries_its_id_time_and_project() {
        for (EventTopic topic : EventTopic.values()) {
            for (Schema event : topic.eventSchemas()) {
                assertThat(event.getField("eventId").schema().getLogicalType().getName()).as(event.getName()).isEqualTo("uuid");
                assertThat(event.getField("occurredAt").schema().getLogicalType().getName()).isEqualTo("timestamp-millis");
                assertThat(event.getField("projectId")).as(event.getName()).isNotNull();
            }
        }
    }

    @Test
    void every_event_on_a_participant_topic_carries_the_participant_id_that_is_its_key() {
        for (EventTopic topic : List.of(EventTopic.PARTICIPANTS, EventTopic.ACTIVITIES, EventTopic.OUTCOMES)) {
            for (Schema event : topic.eventSchemas()) {
                assertThat(event.getField("participantId").schema().getLogicalType().getName()).as(event.getName()).isEqualTo("uuid");
            }
        }
    }

    @Test
    void event_names_are_in_the_past_tense_in_one_namespace() {
        for (EventTopic topic : EventTopic.values()) {
            for (Schema event : topic.eventSchemas()) {
                assertThat(event.getNamespace()).isEqualTo("se.stegvis.events");
                assertThat(event.getName()).matches("[A-Za-z]+(ed|Left)");
            }
        }
    }

    @Test
    void every_record_enum_and_field_is_documented() {
        for (Schema schema : allNamedSchemas()) {
            assertThat(schema.getDoc()).as(schema.getFullName()).isNotBlank();
            if (schema.getType() == Schema.Type.RECORD) {
                schema.getFields().forEach(f -> assertThat(f.doc()).as(schema.getName() + "." + f.name()).isNotBlank());
            }
        }
    }

    @Test
    void no_field_looks_like_personal_data() {
        List<String> suspicious = new ArrayList<>();
        for (Schema schema : allNamedSchemas()) {
            if (schema.getType() == Schema.Type.RECORD) {
                schema.getFields().stream().map(f -> schema.getName() + "." + f.name())
                        .filter(name -> PERSONAL_DATA.matcher(name.substring(name.indexOf('.') + 1)).matches())
                        .filter(name -> !ALLOWED.contains(name))
                        .forEach(suspicious::add);
            }
        }
        assertThat(suspicious).isEmpty();
    }

    @Test
    void the_pattern_would_catch_the_fields_that_must_never_travel() {
        assertThat(List.of("personalIdentityNumber", "givenName", "familyName", "address", "phone", "email",
                "placementMunicipality", "birthDate")).allMatch(name -> PERSONAL_DATA.matcher(name).matches());
    }

    private static Set<Schema> allNamedSchemas() {
        Set<Schema> found = new HashSet<>();
        for (EventTopic topic : EventTopic.values()) {
            collect(topic.valueSchema(), found);
        }
        return found;
    }

    private static void collect(Schema schema, Set<Schema> found) {
        switch (schema.getType()) {
            case RECORD -> {
                if (found.add(schema)) {
                    schema.getFields().forEach(f -> collect(f.schema(), found));
                }
            }
            case ENUM -> found.add(schema);
            case UNION -> schema.getTypes().forEach(t -> collect(t, found));
            case ARRAY -> collect(schema.getElementType(), found);
            case MAP -> collect(schema.getValueType(), found);
            default -> { }
        }
    }
}
