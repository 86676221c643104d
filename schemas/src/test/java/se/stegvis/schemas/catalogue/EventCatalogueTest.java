package se.stegvis.schemas.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class EventCatalogueTest {

    @Test
    void the_committed_catalogue_is_what_the_schemas_say() throws IOException {
        String committed = Files.readString(Path.of("../docs/events.md"));
        assertThat(committed)
                .as("docs/events.md is stale: run ./mvnw -q -pl schemas exec:java@event-catalogue")
                .isEqualTo(EventCatalogue.markdown());
    }

    @Test
    void the_catalogue_names_every_event_and_its_fields() {
        assertThat(EventCatalogue.markdown())
                .contains("### ParticipantEnrolled", "### OutcomeRetracted", "| `stegvis.participants.v1` | participant id |",
                        "| `ageAtEntry` | int |", "### Gender (enum)", "unknown symbols read as `NOT_STATED`");
    }
}
