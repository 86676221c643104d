package se.stegvis.reporting.indicators.adapter.out.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import se.stegvis.reporting.indicators.application.ProjectStore;
import se.stegvis.reporting.indicators.domain.ProjectDefinition;
import se.stegvis.reporting.indicators.domain.TargetDefinition;
import se.stegvis.reporting.indicators.domain.TargetUnit;

/**
 * Projects in {@code reporting_projects} by id. A definition replaces the stored one only if it is later (occurredAt,
 * then eventId): the filter says so and the upsert's duplicate _id refuses an older one, in one write.
 *
 * <p>A document stored before projects kept their target groups reads with none, and its targets with no target
 * group (every group), as the events of then defined them: the breakdown by target group then shows the groups the
 * participants name, which add up all the same; the next definition of the project stores them. One stored before the
 * period start was kept reads with none (its reporting periods then begin at the latest cut-off) until the next
 * definition or a rebuild.
 */
public final class MongoProjectStore implements ProjectStore {

    public static final String COLLECTION = "reporting_projects";

    private final MongoCollection<Document> documents;

    public MongoProjectStore(MongoCollection<Document> documents) {
        this.documents = documents;
    }

    @Override
    public boolean save(ProjectDefinition definition) {
        Date at = Date.from(definition.occurredAt());
        return UniqueWrite.unlessTaken(() -> documents.replaceOne(and(eq("_id", definition.projectId()),
                or(lt("occurredAt", at), and(eq("occurredAt", at), lt("eventId", definition.eventId())))),
                document(definition), new ReplaceOptions().upsert(true)));
    }

    @Override
    public Optional<ProjectDefinition> project(String projectId) {
        return Optional.ofNullable(documents.find(eq("_id", projectId)).first()).map(MongoProjectStore::definition);
    }

    @Override
    public List<ProjectDefinition> projects() {
        List<ProjectDefinition> all = new ArrayList<>();
        documents.find().sort(Sorts.ascending("_id")).forEach(document -> all.add(definition(document)));
        return all;
    }

    @Override
    public void clear() {
        documents.deleteMany(new Document());
    }

    private static Document document(ProjectDefinition definition) {
        return new Document("_id", definition.projectId()).append("eventId", definition.eventId())
                .append("occurredAt", Date.from(definition.occurredAt())).append("name", definition.name())
                .append("regionName", definition.regionName()).append("nuts2", definition.nuts2())
                .append("plannedParticipants", definition.plannedParticipants())
                .append("targetGroups", definition.targetGroups())
                .append("periodStart", definition.periodStart() == null ? null : definition.periodStart().toString())
                .append("targets", definition.targets().stream().map(target -> new Document("code", target.code())
                        .append("target", target.target()).append("unit", target.unit().name())
                        .append("outcomeTypes", List.copyOf(target.outcomeTypes()))
                        .append("activityTypes", List.copyOf(target.activityTypes()))
                        .append("followUp", target.followUp())
                        .append("genderShares", new Document(new HashMap<String, Object>(target.genderShares())))
                        .append("targetGroup", target.targetGroup())).toList());
    }

    private static ProjectDefinition definition(Document document) {
        List<TargetDefinition> targets = document.getList("targets", Document.class, List.of()).stream().map(target -> {
            Map<String, Integer> shares = new HashMap<>();
            target.get("genderShares", Document.class).forEach((gender, share) -> shares.put(gender, ((Number) share).intValue()));
            return new TargetDefinition(target.getString("code"), target.getInteger("target"), TargetUnit.valueOf(target.getString("unit")),
                    java.util.Set.copyOf(target.getList("outcomeTypes", String.class)),
                    java.util.Set.copyOf(target.getList("activityTypes", String.class)), target.getString("followUp"), shares,
                    target.getString("targetGroup"));
        }).toList();
        return new ProjectDefinition(document.getString("eventId"), document.getDate("occurredAt").toInstant(),
                document.getString("_id"), document.getString("name"), document.getString("regionName"),
                document.getString("nuts2"), document.getInteger("plannedParticipants"), targets,
                document.getList("targetGroups", String.class, List.of()),
                document.getString("periodStart") == null ? null : LocalDate.parse(document.getString("periodStart")));
    }
}
