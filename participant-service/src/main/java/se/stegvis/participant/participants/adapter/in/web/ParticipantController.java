package se.stegvis.participant.participants.adapter.in.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.participant.participants.application.ChangeParticipant;
import se.stegvis.participant.participants.application.EnrolParticipant;
import se.stegvis.participant.participants.application.ParticipantRegistry.ParticipantRecord;
import se.stegvis.participant.participants.application.ReadParticipants;
import se.stegvis.participant.participants.domain.EntryFacts;
import se.stegvis.participant.participants.domain.LeavingReason;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.service.command.IdempotencyKey;
import se.stegvis.service.command.RequestFields;

/** Enrol, read, correct, leave and erase participants; who may is decided in the use cases, on the caller. */
@RestController
public class ParticipantController {

    private final EnrolParticipant enrolParticipant;
    private final ChangeParticipant changeParticipant;
    private final ReadParticipants readParticipants;
    private final IdempotencyKey.Hashing idempotencyKeys;

    public ParticipantController(EnrolParticipant enrolParticipant, ChangeParticipant changeParticipant,
            ReadParticipants readParticipants, IdempotencyKey.Hashing idempotencyKeys) {
        this.enrolParticipant = enrolParticipant;
        this.changeParticipant = changeParticipant;
        this.readParticipants = readParticipants;
        this.idempotencyKeys = idempotencyKeys;
    }

    @PostMapping("/api/projects/{projectId}/participants")
    public ResponseEntity<Map<String, String>> enrol(Caller caller, @PathVariable String projectId, @RequestBody EnrolmentRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKeyHeader) {
        RequestFields fields = new RequestFields();
        PersonalData person = request.person(fields);
        EntryFacts facts = request.facts(fields);
        IdempotencyKey idempotencyKey = IdempotencyKey.of(idempotencyKeyHeader, fields);
        fields.throwIfAny();
        // Scoped to the caller: one client's key can neither replay nor block another's enrolment.
        UUID participantId = enrolParticipant.enrol(caller, projectId, person, facts,
                idempotencyKey == null ? null : idempotencyKey.hashed(caller.subject(), idempotencyKeys));
        return ResponseEntity.created(URI.create("/api/participants/" + participantId))
                .body(Map.of("participantId", participantId.toString()));
    }

    @GetMapping("/api/projects/{projectId}/participants")
    public List<ParticipantResponse> ofProject(Caller caller, @PathVariable String projectId) {
        return readParticipants.ofProject(caller, projectId).stream().map(ParticipantResponse::of).toList();
    }

    @GetMapping("/api/participants/{participantId}")
    public ParticipantResponse one(Caller caller, @PathVariable UUID participantId) {
        return ParticipantResponse.of(readParticipants.one(caller, participantId));
    }

    @PatchMapping("/api/participants/{participantId}")
    public ParticipantResponse correct(Caller caller, @PathVariable UUID participantId, @RequestBody EnrolmentRequest request) {
        ParticipantRecord stored = changeParticipant.existing(caller, participantId);
        RequestFields fields = new RequestFields();
        PersonalData person = request.person() == null ? null : request.person().toPersonalData(fields, stored.person());
        EntryFacts facts = request.facts(fields, stored.participant().entryData());
        fields.throwIfAny();
        return ParticipantResponse.of(changeParticipant.correct(caller, participantId, stored.revision(), person, facts));
    }

    @PostMapping("/api/participants/{participantId}/leave")
    public Map<String, String> leave(Caller caller, @PathVariable UUID participantId, @RequestBody LeaveRequest request) {
        RequestFields fields = new RequestFields();
        fields.required("/leftOn", request.leftOn());
        LeavingReason reason = fields.required("/reason", request.reason()) == null ? null
                : fields.symbol("/reason", LeavingReason.class, request.reason());
        fields.throwIfAny();
        changeParticipant.leave(caller, participantId, request.leftOn(), reason);
        return Map.of("participantId", participantId.toString(), "leftOn", request.leftOn().toString(), "reason", reason.name());
    }

    @DeleteMapping("/api/participants/{participantId}")
    public ResponseEntity<Void> erase(Caller caller, @PathVariable UUID participantId) {
        changeParticipant.erase(caller, participantId);
        return ResponseEntity.noContent().build();
    }
}
