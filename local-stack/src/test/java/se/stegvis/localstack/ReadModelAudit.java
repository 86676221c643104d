package se.stegvis.localstack;

import static com.mongodb.client.model.Filters.eq;

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
 * participant, the activities and outcomes it counts (recorded, not retracted) are exactly the ones accepted. The
 * indicators count participants, so an activity or outcome lost beside another of its type, or one counted for the
 * wrong participant, does not show in them; it shows here.
 */
final class ReadModelAudit implements AutoCloseable {

    private static final String DATABASE = "stegvis-reporting";
    private static final String PARTICIPANTS = "reporting_participants";
    private static final String ACTIVITIES = "reporting_activities";
    private static final String OUTCOMES = "reporting_outcomes";

    private final MongoClient mongo;
    private final Set<String> before;

    /** Notes the project's participants held before any load: they are no load's, and not checked. */
    ReadModelAudit(int mongoPort) {
        this.mongo = DatabaseDump.client(mongoPort);
        this.before = new HashSet<>(documents().keySet());
    }

    /** Every way the read model differs from what the ledgers accepted, one line each; empty when exact. */
    List<String> discrepancies(Collection<Ledger> ledgers) {
        Map<String, List<String>> activities = new HashMap<>();
        Map<String, List<String>> outcomes = new HashMap<>();
        Set<String> participants = new HashSet<>();
        for (Ledger ledger : ledgers) {
            for (Ledger.Accepted accepted : ledger.accepted()) {
                switch (accepted.kind()) {
                    case ENROLMENT -> participants.add(accepted.id());
                    case ACTIVITY -> activities.computeIfAbsent(accepted.participantId(), key -> new ArrayList<>()).add(accepted.id());
                    case OUTCOME -> outcomes.computeIfAbsent(accepted.participantId(), key -> new ArrayList<>()).add(accepted.id());
                }
            }
        }
        Map<String, Document> held = documents();
        Map<String, List<String>> countedActivities = counted(ACTIVITIES);
        Map<String, List<String>> countedOutcomes = counted(OUTCOMES);
        List<String> found = new ArrayList<>();
        for (String participant : participants) {
            Document document = held.get(participant);
            if (document == null) {
                found.add(participant + ": enrolment accepted, not in the read model");
                continue;
            }
            if (!document.getBoolean("enrolled", false)) {
                found.add(participant + ": in the read model, not enrolled");
            }
            compare(found, participant, "activities", countedActivities.getOrDefault(participant, List.of()),
                    activities.getOrDefault(participant, List.of()));
            compare(found, participant, "outcomes", countedOutcomes.getOrDefault(participant, List.of()),
                    outcomes.getOrDefault(participant, List.of()));
        }
        for (String id : held.keySet()) {
            if (!participants.contains(id) && !before.contains(id)) {
                found.add(id + ": in the read model of " + InventedPeople.PROJECT + ", accepted by no load");
            }
        }
        return found;
    }

    /** Per participant, the ids the collection's documents count: recorded (a type), not retracted; sorted. */
    private Map<String, List<String>> counted(String collection) {
        Map<String, List<String>> byParticipant = new HashMap<>();
        mongo.getDatabase(DATABASE).getCollection(collection).find().forEach(document -> {
            if (document.getString("type") != null && !document.getBoolean("retracted", false)) {
                byParticipant.computeIfAbsent(document.getString("participantId"), key -> new ArrayList<>()).add(document.getString("_id"));
            }
        });
        byParticipant.values().forEach(ids -> ids.sort(null));
        return byParticipant;
    }

    private static void compare(List<String> found, String participant, String what, List<String> counted, List<String> accepted) {
        List<String> expected = accepted.stream().sorted().toList();
        if (!counted.equals(expected)) {
            found.add(participant + ": counts " + what + " " + counted + ", accepted " + expected);
        }
    }

    private Map<String, Document> documents() {
        Map<String, Document> byId = new HashMap<>();
        mongo.getDatabase(DATABASE).getCollection(PARTICIPANTS).find(eq("projectId", InventedPeople.PROJECT))
                .forEach(document -> byId.put(document.getString("_id"), document));
        return byId;
    }

    @Override
    public void close() {
        mongo.close();
    }
}
