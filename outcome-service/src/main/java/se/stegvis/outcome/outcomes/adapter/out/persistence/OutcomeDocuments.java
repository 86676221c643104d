package se.stegvis.outcome.outcomes.adapter.out.persistence;

import java.time.LocalDate;
import java.util.UUID;

import org.bson.Document;

import se.stegvis.outcome.outcomes.domain.FollowUpPoint;
import se.stegvis.outcome.outcomes.domain.Outcome;

/** An outcome's state as a MongoDB document; dates as ISO strings, which sort and compare as dates. */
final class OutcomeDocuments {

    static final String PARTICIPANT_ID = "participantId";
    static final String RETRACTED = "retracted";

    private OutcomeDocuments() {
    }

    static Document state(Outcome outcome) {
        return new Document("_id", outcome.id().toString())
                .append(PARTICIPANT_ID, outcome.participantId().toString())
                .append("projectId", outcome.projectId())
                .append("type", outcome.type())
                .append("date", outcome.date().toString())
                .append("followUp", outcome.followUp().name())
                .append(RETRACTED, outcome.retracted());
    }

    static Outcome outcome(Document document) {
        return new Outcome(UUID.fromString(document.getString("_id")), UUID.fromString(document.getString(PARTICIPANT_ID)),
                document.getString("projectId"), document.getString("type"), LocalDate.parse(document.getString("date")),
                FollowUpPoint.valueOf(document.getString("followUp")), document.getBoolean(RETRACTED, false));
    }
}
