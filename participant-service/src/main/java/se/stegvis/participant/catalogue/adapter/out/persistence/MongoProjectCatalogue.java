package se.stegvis.participant.catalogue.adapter.out.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import se.stegvis.outbox.Outbox;
import se.stegvis.outbox.OutboxEntry;
import se.stegvis.participant.catalogue.adapter.out.messaging.ProjectDefinedEvents;
import se.stegvis.participant.catalogue.application.ProjectCatalogue;
import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.catalogue.domain.ProjectDefinition;
import se.stegvis.schemas.EventTopic;

/** The catalogue in MongoDB: one document per project, its pending ProjectDefined events in the same document. */
public class MongoProjectCatalogue implements ProjectCatalogue {

    private final MongoCollection<Document> projects;

    public MongoProjectCatalogue(MongoCollection<Document> projects) {
        this.projects = projects;
    }

    @Override
    public Optional<Project> find(String projectId) {
        return Optional.ofNullable(projects.find(eq("_id", projectId)).first()).map(ProjectDocuments::project);
    }

    @Override
    public List<Project> all() {
        return projects.find().sort(Sorts.ascending("_id")).map(ProjectDocuments::project).into(new ArrayList<>());
    }

    @Override
    public boolean store(ProjectDefinition definition) {
        Project project = definition.project();
        OutboxEntry event = OutboxEntry.of(EventTopic.PROJECTS, project.id(), ProjectDefinedEvents.toEvent(definition));
        List<Bson> updates = new ArrayList<>();
        ProjectDocuments.state(project).forEach((field, value) -> updates.add(Updates.set(field, value)));
        updates.add(Outbox.append(List.of(event)));
        return projects.updateOne(eq("_id", project.id()), Updates.combine(updates), new UpdateOptions().upsert(true))
                .getUpsertedId() != null;
    }
}
