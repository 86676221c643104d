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
 * reporting-service's read model of {@link InventedPeople#PROJECT} read raw from the Mongo-wire server, against the
 * ledgers: per participant, the activities and outcomes it counts (held, less those retracted) are exactly the ones
 * accepted, each id once, and it has applied exactly one event per accepted command. The indicators count
 * participants, so an activity or outcome applied twice (or one of several lost) does not show in them; it shows here.
 */
final class ReadModelAudit implements AutoCloseable {

    private static final String DATABASE = "stegvis-reporting";
    private static final String COLLECTION = "reporting_participants";

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
            List<String> accepted = activities.getOrDefault(participant, List.of());
            List<String> acceptedOutcomes = outcomes.getOrDefault(participant, List.of());
            compare(found, participant, "activities", counted(document, "activities", "activityId", "retractedActivities"), accepted);
            compare(found, participant, "outcomes", counted(document, "outcomes", "outcomeId", "retractedOutcomes"), acceptedOutcomes);
            List<String> applied = document.getList("appliedEventIds", String.class, List.of());
            int commands = 1 + accepted.size() + acceptedOutcomes.size();
            if (applied.size() != commands || new HashSet<>(applied).size() != commands) {
                found.add(participant + ": applied eventIds " + applied + ", expected one for each of the " + commands + " accepted commands");
            }
        }
        for (String id : held.keySet()) {
            if (!participants.contains(id) && !before.contains(id)) {
                found.add(id + ": in the read model of " + InventedPeople.PROJECT + ", accepted by no load");
            }
        }
        return found;
    }

    /** The ids the document counts: held (once per entry), less those it holds as retracted. */
    private static List<String> counted(Document document, String field, String idField, String retractedField) {
        Set<String> retracted = new HashSet<>(document.getList(retractedField, String.class, List.of()));
        return document.getList(field, Document.class, List.of()).stream().map(entry -> entry.getString(idField))
                .filter(id -> !retracted.contains(id)).sorted().toList();
    }

    private static void compare(List<String> found, String participant, String what, List<String> counted, List<String> accepted) {
        List<String> expected = accepted.stream().sorted().toList();
        if (!counted.equals(expected)) {
            found.add(participant + ": counts " + what + " " + counted + ", accepted " + expected);
        }
    }

    private Map<String, Document> documents() {
        Map<String, Document> byId = new HashMap<>();
        mongo.getDatabase(DATABASE).getCollection(COLLECTION).find(eq("projectId", InventedPeople.PROJECT))
                .forEach(document -> byId.put(document.getString("_id"), document));
        return byId;
    }

    @Override
    public void close() {
        mongo.close();
    }
}
