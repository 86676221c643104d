package se.stegvis.participant.members.adapter.out.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import se.stegvis.access.ProjectRole;
import se.stegvis.events.ProjectMember;
import se.stegvis.events.ProjectMembersChanged;
import se.stegvis.outbox.Outbox;
import se.stegvis.outbox.OutboxEntry;
import se.stegvis.participant.members.application.MemberStore;
import se.stegvis.participant.members.domain.MembersChanged;
import se.stegvis.participant.members.domain.ProjectMembers;
import se.stegvis.schemas.EventTopic;

/**
 * Memberships in MongoDB: one document per project ({@code _id} the project id) with its members, a revision that
 * every change raises, and the pending events in the same document (the outbox), so a change and its event hold
 * together or not at all.
 *
 * <p>A change is conditional on the revision read, as the flat filter {@code {_id, revision}} with a unique index of
 * exactly those fields, which mongo-java-server (local stack, tests) needs to answer it from an index. Who is a member
 * where ({@link #projectsOf}, asked for every request) is a search by {@code members.subject}: no unique index can
 * answer it, so mongo-java-server reads every project's document, one per project, however many participants there are.
 */
public class MongoMemberStore implements MemberStore {

    private final MongoCollection<Document> memberships;

    public MongoMemberStore(MongoCollection<Document> memberships) {
        this.memberships = memberships;
        memberships.createIndex(Indexes.ascending("members.subject"));
        memberships.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
    }

    @Override
    public ProjectMembers find(String projectId) {
        Document document = memberships.find(eq("_id", projectId)).first();
        if (document == null) {
            return ProjectMembers.none(projectId);
        }
        return new ProjectMembers(projectId, document.get("revision", Number.class).longValue(), members(document));
    }

    @Override
    public boolean save(ProjectMembers read, MembersChanged change) {
        OutboxEntry entry = OutboxEntry.of(EventTopic.MEMBERSHIPS, change.projectId(), event(change));
        List<Document> members = documents(change.members());
        if (read.revision() == 0) {
            try {
                memberships.insertOne(Outbox.withEntries(new Document("_id", change.projectId()).append("revision", 1L)
                        .append("members", members), List.of(entry)));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return memberships.updateOne(new Document("_id", change.projectId()).append("revision", read.revision()),
                Updates.combine(Updates.set("members", members), Updates.set("revision", read.revision() + 1),
                        Outbox.append(List.of(entry)))).getModifiedCount() == 1;
    }

    @Override
    public Map<String, ProjectRole> projectsOf(String subject) {
        Map<String, ProjectRole> projects = new HashMap<>();
        for (Document document : memberships.find(eq("members.subject", subject))) {
            ProjectRole role = members(document).get(subject);
            if (role != null) {
                projects.put(document.getString("_id"), role);
            }
        }
        return projects;
    }

    private static Map<String, ProjectRole> members(Document document) {
        Map<String, ProjectRole> members = new HashMap<>();
        for (Document member : document.getList("members", Document.class, List.of())) {
            members.put(member.getString("subject"), ProjectRole.valueOf(member.getString("role")));
        }
        return members;
    }

    private static List<Document> documents(Map<String, ProjectRole> members) {
        List<Document> documents = new ArrayList<>();
        members.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(member -> documents.add(new Document("subject", member.getKey()).append("role", member.getValue().name())));
        return documents;
    }

    private static ProjectMembersChanged event(MembersChanged change) {
        return ProjectMembersChanged.newBuilder().setEventId(change.eventId()).setOccurredAt(change.occurredAt())
                .setProjectId(change.projectId())
                .setMembers(change.members().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(member -> new ProjectMember(member.getKey(), se.stegvis.events.ProjectRole.valueOf(member.getValue().name())))
                        .toList())
                .build();
    }
}
