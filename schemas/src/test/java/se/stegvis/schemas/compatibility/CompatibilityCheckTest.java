package se.stegvis.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.stegvis.schemas.EventTopic;

class CompatibilityCheckTest {

    private static final Path RELEASED = Path.of("src/main/released");

    @TempDir
    Path released;

    @Test
    void the_current_contract_is_backward_compatible_with_every_released_subject() {
        assertThat(new CompatibilityCheck(RELEASED).problems(CompatibilityCheck.currentSubjects())).isEmpty();
    }

    @Test
    void every_topic_has_a_released_version() {
        CompatibilityCheck check = new CompatibilityCheck(RELEASED);
        for (EventTopic topic : EventTopic.values()) {
            assertThat(check.lastReleased(topic.valueSubject())).as(topic.valueSubject()).isPresent();
        }
    }

    @Test
    void a_new_field_without_default_is_caught() {
        CompatibilityCheck check = releasedNow();
        Map<String, Schema> changed = CompatibilityCheck.currentSubjects();
        changed.put(EventTopic.OUTCOMES.valueSubject(), withRequiredFieldAdded(EventTopic.OUTCOMES.valueSchema()));

        assertThat(check.problems(changed)).singleElement().asString()
                .startsWith("stegvis.outcomes.v1-value: OutcomeRecorded: READER_FIELD_MISSING_DEFAULT");
    }

    @Test
    void removing_an_event_type_from_a_topic_is_caught() {
        CompatibilityCheck check = releasedNow();
        Map<String, Schema> changed = CompatibilityCheck.currentSubjects();
        Schema withoutErasure = Schema.createUnion(EventTopic.PARTICIPANTS.eventSchemas().subList(0, 3));
        changed.put(EventTopic.PARTICIPANTS.valueSubject(), withoutErasure);

        assertThat(check.problems(changed)).containsExactly("stegvis.participants.v1-value: MISSING_UNION_BRANCH: "
                + "se.stegvis.events.ParticipantErased was removed from the topic");
    }

    @Test
    void a_released_subject_that_disappeared_is_caught() {
        CompatibilityCheck check = releasedNow();
        Map<String, Schema> changed = CompatibilityCheck.currentSubjects();
        changed.remove(EventTopic.ACTIVITIES.valueSubject());

        assertThat(check.problems(changed)).containsExactly(
                "stegvis.activities.v1-value: was released but no topic has this subject any more");
    }

    @Test
    void adding_an_event_type_or_a_field_with_a_default_is_compatible() {
        CompatibilityCheck check = releasedNow();
        Map<String, Schema> changed = CompatibilityCheck.currentSubjects();
        Schema newEvent = SchemaBuilder.record("ActivityCorrected").namespace("se.stegvis.events").fields()
                .requiredString("eventId").endRecord();
        List<Schema> branches = new java.util.ArrayList<>(EventTopic.ACTIVITIES.eventSchemas());
        branches.add(newEvent);
        changed.put(EventTopic.ACTIVITIES.valueSubject(), Schema.createUnion(branches));

        assertThat(check.problems(changed)).isEmpty();
    }

    @Test
    void the_build_entry_point_fails_when_the_current_schema_cannot_read_a_released_version() throws IOException {
        Path subject = Files.createDirectories(released.resolve(EventTopic.PROJECTS.valueSubject()));
        Schema releasedWithoutName = withoutField(EventTopic.PROJECTS.valueSchema(), "name");
        Files.writeString(subject.resolve("v1.avsc"), releasedWithoutName.toString());

        assertThatThrownBy(() -> CompatibilityCheck.main(new String[] {"check", released.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stegvis.projects.v1-value: READER_FIELD_MISSING_DEFAULT");
    }

    @Test
    void the_build_entry_point_passes_on_the_released_contract() {
        CompatibilityCheck.main(new String[] {"check", RELEASED.toString()});
    }

    @Test
    void release_records_only_the_subjects_that_changed_as_their_next_version() throws IOException {
        CompatibilityCheck check = releasedNow();
        Map<String, Schema> changed = new LinkedHashMap<>(CompatibilityCheck.currentSubjects());
        Schema evolved = withOptionalFieldAdded(EventTopic.OUTCOMES.valueSchema());
        changed.put(EventTopic.OUTCOMES.valueSubject(), evolved);

        assertThat(check.release(changed)).hasSize(1);
        assertThat(released.resolve(EventTopic.OUTCOMES.valueSubject()).resolve("v2.avsc")).exists();
        assertThat(released.resolve(EventTopic.PROJECTS.valueSubject()).resolve("v2.avsc")).doesNotExist();
        assertThat(check.lastReleased(EventTopic.OUTCOMES.valueSubject())).contains(evolved);
    }

    private CompatibilityCheck releasedNow() {
        CompatibilityCheck check = new CompatibilityCheck(released);
        check.release(CompatibilityCheck.currentSubjects());
        return check;
    }

    private static Schema withRequiredFieldAdded(Schema topicSchema) {
        return withFieldAdded(topicSchema, "{\"name\": \"addedLater\", \"type\": \"string\"}");
    }

    private static Schema withOptionalFieldAdded(Schema topicSchema) {
        return withFieldAdded(topicSchema, "{\"name\": \"addedLater\", \"type\": [\"null\", \"string\"], \"default\": null}");
    }

    private static Schema withoutField(Schema record, String name) {
        List<Schema.Field> kept = record.getFields().stream().filter(f -> !f.name().equals(name))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, kept);
    }

    /** The topic schema with a field appended to its first event type. */
    private static Schema withFieldAdded(Schema topicSchema, String field) {
        String json = topicSchema.toString();
        String first = topicSchema.getType() == Schema.Type.UNION ? topicSchema.getTypes().get(0).getName() : topicSchema.getName();
        int start = json.indexOf("\"name\":\"" + first + "\"");
        int fields = json.indexOf("\"fields\":[", start) + "\"fields\":[".length();
        return new Schema.Parser().parse(json.substring(0, fields) + field + "," + json.substring(fields));
    }
}
