package se.stegvis.participant.participants.application;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stegvis.participant.participants.application.ParticipantRegistry.ParticipantRecord;
import se.stegvis.service.command.NotFound;

/**
 * Reads participants. Every read of a shielded person's data (protected address, fictitious identity) is written
 * to the audit log: who, when, which participant; never the data. Lists never carry shielded people's data.
 */
public class ReadParticipants {

    private static final Logger audit = LoggerFactory.getLogger("se.stegvis.audit");

    private final ParticipantRegistry registry;

    public ReadParticipants(ParticipantRegistry registry) {
        this.registry = registry;
    }

    public ParticipantRecord one(UUID participantId, String reader) {
        ParticipantRecord record = registry.find(participantId).orElseThrow(() -> new NotFound("participant", participantId.toString()));
        if (record.participant().erased()) {
            throw new ParticipantErased(participantId);
        }
        if (record.person().protection().shielded()) {
            audit.info("read of shielded personal data: participant={} reader={}", participantId, reader);
        }
        return record;
    }

    /** The project's participants; a shielded person's personal data is left out. Erased participants are not listed. */
    public List<ParticipantRecord> ofProject(String projectId) {
        return registry.ofProject(projectId).stream()
                .filter(record -> !record.participant().erased())
                .map(record -> record.person().protection().shielded() ? record.withoutPerson() : record)
                .toList();
    }
}
