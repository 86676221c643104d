package se.stegvis.localstack;

import com.mongodb.client.MongoClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * reporting-service's read model of {@link InventedPeople#PROJECT} read raw from the Mongo-wire server (its
 * checkpoint: participants' facts, and one document per activity and per outcome), against the ledgers: per
 * participant, the activities and outcomes held are exactly the ones accepted, each with the type it was recorded with,
 * those retracted held as retracted and the others counted; and the project holds no participant, activity or outcome
 * that no load accepted. The indicators count participants, so an activity or outcome lost beside another of its type,
 * one counted for the wrong participant, or a retraction lost where another activity still counts the participant, does
 * not show in them; it shows here.
 */
final class ReadModelAudit implements AutoCloseable {

    private static final String DATABASE = "stegvis-reporting";
    private static final String PARTICIPANTS = "reporting_participants";
    private static final String ACTIVITIES = "reporting_activities";
    private static final String OUTCOMES = "reporting_outcomes";

    /** The checkpoint's documents: participants by id, and each activity and outcome collection by participant. */
    private record Held(Map<String, Document> participants, Map<String, Map<String, List<Document>>> byParticipant) {

        List<Document> of(String collection, String participant) {
            return byParticipant.get(collection).getOrDefault(participant, List.of());
        }
    }

    private final MongoClient mongo;
    private final Set<String> participantsBefore;
    private final Set<String> documentsBefore = new HashSet<>();

    /** Notes what the read model held before any load: no load's, and not checked. */
    ReadModelAudit(int mongoPort) {
        this.mongo = DatabaseDump.client(mongoPort);
        Held held = held();
        this.participantsBefore = new HashSet<>(projectParticipants(held).keySet());
        held.byParticipant().values().forEach(collection -> collection.values()
                .forEach(documents -> documents.forEach(document -> documentsBefore.add(document.getString("_id")))));
    }

    /** Every way the read model differs from what the ledgers accepted, one line each; empty when exact. */
    List<String> discrepancies(Collection<Ledger> ledgers) {
        Map<String, List<Ledger.Accepted>> activities = new HashMap<>();
        Map<String, List<Ledger.Accepted>> outcomes = new HashMap<>();
        Set<String> participants = new HashSet<>();
        Set<String> retracted = new HashSet<>();
        for (Ledger ledger : ledgers) {
            for (Ledger.Accepted accepted : ledger.accepted()) {
                switch (accepted.kind()) {
                    case ENROLMENT -> participants.add(accepted.id());
                    case ACTIVITY -> activities.computeIfAbsent(accepted.participantId(), key -> new ArrayList<>()).add(accepted);
                    case OUTCOME -> outcomes.computeIfAbsent(accepted.participantId(), key -> new ArrayList<>()).add(accepted);
                    case ACTIVITY_RETRACTION, OUTCOME_RETRACTION -> retracted.add(accepted.id());
                }
            }
        }
        Held held = held();
        Map<String, Document> inProject = projectParticipants(held);
        List<String> found = new ArrayList<>();
        for (String participant : participants) {
            Document document = inProject.get(participant);
            if (document == null) {
                found.add(participant + ": enrolment accepted, not in the read model");
                continue;
            }
            if (!document.getBoolean("enrolled", false)) {
                found.add(participant + ": in the read model, not enrolled");
            }
            compare(found, participant, "activities", held.of(ACTIVITIES, participant),
                    expected(activities.getOrDefault(participant, List.of()), retracted));
            compare(found, participant, "outcomes", held.of(OUTCOMES, participant),
                    expected(outcomes.getOrDefault(participant, List.of()), retracted));
        }
        for (String id : inProject.keySet()) {
            if (!participants.contains(id) && !participantsBefore.contains(id)) {
                found.add(id + ": in the read model of " + InventedPeople.PROJECT + ", accepted by no load");
            }
        }
        for (String collection : List.of(ACTIVITIES, OUTCOMES)) {
            held.byParticipant().get(collection).forEach((participant, documents) -> {
                Document facts = held.participants().get(participant);
                boolean ofTheProject = facts == null || InventedPeople.PROJECT.equals(facts.getString("projectId"));
                if (ofTheProject && !participants.contains(participant)) {
                    documents.stream().map(document -> document.getString("_id")).filter(id -> !documentsBefore.contains(id))
                            .forEach(id -> found.add(participant + ": holds " + collection + " " + id + (facts == null
                                    ? " without the participant's document" : "") + ", accepted by no load"));
                }
            });
        }
        return found;
    }

    /** What the read model should hold of a participant's activities or outcomes, one {@link #line} each, sorted. */
    private static List<String> expected(List<Ledger.Accepted> accepted, Set<String> retracted) {
        return accepted.stream().map(entry -> line(entry.id(), entry.type(), retracted.contains(entry.id()))).sorted().toList();
    }

    /** An activity's or outcome's id, type ({@code -} while only its retraction is known), and whether it is retracted. */
    private static String line(String id, String type, boolean retracted) {
        return id + " " + (type == null ? "-" : type) + (retracted ? " retracted" : " counted");
    }

    /** A document of an activity or outcome that no load accepted shows as one not expected. */
    private static void compare(List<String> found, String participant, String what, List<Document> held, List<String> expected) {
        List<String> holds = held.stream().map(document -> line(document.getString("_id"), document.getString("type"),
                document.getBoolean("retracted", false))).sorted().toList();
        if (!holds.equals(expected)) {
            found.add(participant + ": holds " + what + " " + holds + ", accepted " + expected);
        }
    }

    private static Map<String, Document> projectParticipants(Held held) {
        Map<String, Document> inProject = new HashMap<>();
        held.participants().forEach((id, document) -> {
            if (InventedPeople.PROJECT.equals(document.getString("projectId"))) {
                inProject.put(id, document);
            }
        });
        return inProject;
    }

    private Held held() {
        Map<String, Document> participants = new HashMap<>();
        mongo.getDatabase(DATABASE).getCollection(PARTICIPANTS).find()
                .forEach(document -> participants.put(document.getString("_id"), document));
        Map<String, Map<String, List<Document>>> byParticipant = new HashMap<>();
        for (String collection : List.of(ACTIVITIES, OUTCOMES)) {
            Map<String, List<Document>> documents = new HashMap<>();
            mongo.getDatabase(DATABASE).getCollection(collection).find().forEach(document ->
                    documents.computeIfAbsent(document.getString("participantId"), key -> new ArrayList<>()).add(document));
            byParticipant.put(collection, documents);
        }
        return new Held(participants, byParticipant);
    }

    @Override
    public void close() {
        mongo.close();
    }
}
