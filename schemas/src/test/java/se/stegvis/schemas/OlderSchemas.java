package se.stegvis.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Earlier versions of topic schemas and data written with them, for evolution tests. */
public final class OlderSchemas {

    private OlderSchemas() {
    }

    /** ProjectDefined from before targets had units, types, a follow-up point and gender shares. */
    public static Schema projectBeforeTargetDetails() {
        return schema("evolution/project-defined-before-target-details.avsc");
    }

    /** ProjectDefined as first released (v1 of stegvis.projects.v1-value): targets without a target group. */
    public static Schema projectAsFirstReleased() {
        return schema("released/stegvis.projects.v1-value/v1.avsc");
    }

    /** The participants union from before erasure existed. */
    public static Schema participantsBeforeErasure() {
        return schema("evolution/participants-before-erasure.avsc");
    }

    /** A project as a producer on {@link #projectBeforeTargetDetails()} wrote it: one target of 145 participants. */
    public static GenericRecord project(Schema old, String projectId) {
        GenericRecord target = new GenericData.Record(old.getField("targets").schema().getElementType());
        target.put("code", "participants");
        target.put("target", 145);
        GenericRecord group = new GenericData.Record(old.getField("targetGroups").schema().getElementType());
        group.put("code", "LONG_TERM_UNEMPLOYED");
        group.put("label", "Long-term unemployed");
        GenericRecord project = new GenericData.Record(old);
        project.put("eventId", UUID.randomUUID().toString());
        project.put("occurredAt", 1_600_000_000_000L);
        project.put("projectId", projectId);
        project.put("name", "Ett äldre projekt");
        project.put("ownerName", "Exempelorganisationen");
        project.put("ownerOrganisationNumber", null);
        project.put("regionName", "Sydsverige");
        project.put("nuts2", "SE22");
        project.put("periodStart", (int) LocalDate.of(2016, 9, 1).toEpochDay());
        project.put("periodEnd", (int) LocalDate.of(2019, 8, 31).toEpochDay());
        project.put("plannedParticipants", 145);
        project.put("targetGroups", List.of(group));
        project.put("activityTypes", List.of("WORK_TRAINING"));
        project.put("outcomeTypes", List.of("EMPLOYED"));
        project.put("targets", List.of(target));
        project.put("followUpPoints", List.of());
        return project;
    }

    private static Schema schema(String resource) {
        try (InputStream in = OlderSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
