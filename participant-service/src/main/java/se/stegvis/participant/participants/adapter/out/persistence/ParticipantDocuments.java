package se.stegvis.participant.participants.adapter.out.persistence;

import java.time.LocalDate;
import java.util.UUID;

import org.bson.Document;

import se.stegvis.participant.participants.domain.EntryData;
import se.stegvis.participant.participants.domain.EntryData.DeclarableAnswer;
import se.stegvis.participant.participants.domain.EntryData.EducationLevel;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.EntryData.LabourMarketStatus;
import se.stegvis.participant.participants.domain.LeavingReason;
import se.stegvis.participant.participants.domain.Participant;

/** The non-personal part of a participant document: entry data and status, readable without a key. */
final class ParticipantDocuments {

    private ParticipantDocuments() {
    }

    /** Counts the writes to a participant; a change is written only at the revision it read. */
    static final String REVISION = "revision";
    /**
     * Once true, never false again: no update writes it, and no change matches an erased participant (the erasure
     * raised the revision the change is conditional on).
     */
    static final String ERASED = "erased";

    /** The state of a new participant, at revision 0. */
    static Document state(Participant participant) {
        return changes(participant).append(ERASED, participant.erased()).append(REVISION, 0L);
    }

    /** What a change of a participant sets: everything but the erased flag and the revision. */
    static Document changes(Participant participant) {
        return new Document("projectId", participant.projectId())
                .append("entryData", entryData(participant.entryData()))
                .append("leftOn", participant.leftOn() == null ? null : participant.leftOn().toString())
                .append("leavingReason", participant.leavingReason() == null ? null : participant.leavingReason().name());
    }

    /** The stored revision; a document written before revisions were counted has none and is at 0. */
    static long revision(Document document) {
        Object revision = document.get(REVISION);
        return revision instanceof Number number ? number.longValue() : 0L;
    }

    static Participant participant(Document document) {
        String leftOn = document.getString("leftOn");
        String reason = document.getString("leavingReason");
        return new Participant(UUID.fromString(document.getString("_id")), document.getString("projectId"),
                entryData(document.get("entryData", Document.class)), leftOn == null ? null : LocalDate.parse(leftOn),
                reason == null ? null : LeavingReason.valueOf(reason), document.getBoolean(ERASED, false));
    }

    private static Document entryData(EntryData e) {
        return new Document("enrolledOn", e.enrolledOn().toString()).append("targetGroup", e.targetGroup())
                .append("gender", e.gender().name()).append("ageAtEntry", e.ageAtEntry())
                .append("labourMarketStatus", e.labourMarketStatus().name()).append("educationLevel", e.educationLevel().name())
                .append("disability", e.disability().name()).append("minority", e.minority().name())
                .append("thirdCountryNational", e.thirdCountryNational()).append("foreignBackground", e.foreignBackground())
                .append("homeless", e.homeless()).append("ruralArea", e.ruralArea());
    }

    private static EntryData entryData(Document d) {
        return new EntryData(LocalDate.parse(d.getString("enrolledOn")), d.getString("targetGroup"),
                Gender.valueOf(d.getString("gender")), d.getInteger("ageAtEntry"),
                LabourMarketStatus.valueOf(d.getString("labourMarketStatus")), EducationLevel.valueOf(d.getString("educationLevel")),
                DeclarableAnswer.valueOf(d.getString("disability")), DeclarableAnswer.valueOf(d.getString("minority")),
                d.getBoolean("thirdCountryNational"), d.getBoolean("foreignBackground"), d.getBoolean("homeless"),
                d.getBoolean("ruralArea"));
    }
}
