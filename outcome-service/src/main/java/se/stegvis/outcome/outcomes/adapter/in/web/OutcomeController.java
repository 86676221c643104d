package se.stegvis.outcome.outcomes.adapter.in.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.access.Caller;
import se.stegvis.outcome.outcomes.application.ReadOutcomes;
import se.stegvis.outcome.outcomes.application.RecordOutcome;
import se.stegvis.outcome.outcomes.application.RetractOutcome;
import se.stegvis.outcome.outcomes.domain.Outcome;
import se.stegvis.service.command.IdempotencyKey;

/** Record, list and retract a participant's outcomes. */
@RestController
public class OutcomeController {

    /** SHA-256 behind a label, not a keyed hash: this service holds no secret (README). */
    private static final IdempotencyKey.Hashing IDEMPOTENCY_KEYS = IdempotencyKey.Hashing.unkeyed();

    private final RecordOutcome recordOutcome;
    private final RetractOutcome retractOutcome;
    private final ReadOutcomes readOutcomes;

    public OutcomeController(RecordOutcome recordOutcome, RetractOutcome retractOutcome, ReadOutcomes readOutcomes) {
        this.recordOutcome = recordOutcome;
        this.retractOutcome = retractOutcome;
        this.readOutcomes = readOutcomes;
    }

    @PostMapping("/api/participants/{participantId}/outcomes")
    public ResponseEntity<RecordedOutcomeResponse> record(Caller caller, @PathVariable UUID participantId, @RequestBody OutcomeRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKeyHeader) {
        // Validated (400 at Idempotency-Key) and hashed before anything is read or stored; only the hash is kept.
        String idempotencyKey = IdempotencyKey.hashedOrRefused(idempotencyKeyHeader, caller.subject(), IDEMPOTENCY_KEYS);
        Outcome recorded = recordOutcome.record(caller, participantId, request.type(), request.date(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/outcomes/" + recorded.id()))
                .body(new RecordedOutcomeResponse(recorded.id().toString(), recorded.followUp().name()));
    }

    @GetMapping("/api/participants/{participantId}/outcomes")
    public List<OutcomeResponse> ofParticipant(Caller caller, @PathVariable UUID participantId) {
        return readOutcomes.of(caller, participantId).stream().map(OutcomeResponse::of).toList();
    }

    @GetMapping("/api/outcomes/{outcomeId}")
    public OutcomeResponse one(Caller caller, @PathVariable UUID outcomeId) {
        return OutcomeResponse.of(readOutcomes.one(caller, outcomeId));
    }

    @DeleteMapping("/api/outcomes/{outcomeId}")
    public ResponseEntity<Void> retract(Caller caller, @PathVariable UUID outcomeId) {
        retractOutcome.retract(caller, outcomeId);
        return ResponseEntity.noContent().build();
    }
}
