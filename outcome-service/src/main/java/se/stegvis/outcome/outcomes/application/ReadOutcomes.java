package se.stegvis.outcome.outcomes.application;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import se.stegvis.access.Caller;
import se.stegvis.outcome.outcomes.domain.Outcome;
import se.stegvis.service.command.NotFound;

/** Reads outcomes: a participant's current ones (recorded and not retracted), or one by its id. */
public class ReadOutcomes {

    private final ParticipantFacts facts;
    private final OutcomeStore store;

    public ReadOutcomes(ParticipantFacts facts, OutcomeStore store) {
        this.facts = facts;
        this.store = store;
    }

    /** Oldest first; an erased participant's outcomes are not listed (410), an unknown one's may not be here yet (404). */
    public List<Outcome> of(Caller caller, UUID participantId) {
        facts.recordable(caller, participantId);
        return store.currentOf(Set.of(participantId)).stream()
                .sorted(Comparator.comparing(Outcome::date).thenComparing(Outcome::id)).toList();
    }

    /** One outcome by its id, retracted or not, for STAFF of its project; to anyone else it does not exist. */
    public Outcome one(Caller caller, UUID outcomeId) {
        return store.find(outcomeId).filter(found -> caller.isStaffOf(found.projectId())).orElseThrow(() -> new NotFound("outcome", outcomeId.toString()));
    }
}
