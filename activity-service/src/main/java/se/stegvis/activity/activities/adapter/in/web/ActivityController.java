package se.stegvis.activity.activities.adapter.in.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.activity.activities.application.ReadActivities;
import se.stegvis.activity.activities.application.RecordActivity;
import se.stegvis.activity.activities.application.RetractActivity;
import se.stegvis.service.command.IdempotencyKey;

/** Record, list and retract a participant's activities. */
@RestController
public class ActivityController {

    /** SHA-256 behind a label, not a keyed hash: this service holds no secret (README). */
    private static final IdempotencyKey.Hashing IDEMPOTENCY_KEYS = IdempotencyKey.Hashing.unkeyed();

    private final RecordActivity recordActivity;
    private final RetractActivity retractActivity;
    private final ReadActivities readActivities;

    public ActivityController(RecordActivity recordActivity, RetractActivity retractActivity, ReadActivities readActivities) {
        this.recordActivity = recordActivity;
        this.retractActivity = retractActivity;
        this.readActivities = readActivities;
    }

    @PostMapping("/api/participants/{participantId}/activities")
    public ResponseEntity<Map<String, String>> record(@PathVariable UUID participantId, @RequestBody ActivityRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKeyHeader) {
        // Validated (400 at Idempotency-Key) and hashed before anything is read or stored; only the hash is kept.
        String idempotencyKey = IdempotencyKey.hashedOrRefused(idempotencyKeyHeader, IdempotencyKey.ANY_CALLER, IDEMPOTENCY_KEYS);
        UUID activityId = recordActivity.record(participantId, request.facts(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/activities/" + activityId))
                .body(Map.of("activityId", activityId.toString()));
    }

    @GetMapping("/api/participants/{participantId}/activities")
    public List<ActivityResponse> currentOf(@PathVariable UUID participantId) {
        return readActivities.currentOf(participantId).stream().map(ActivityResponse::of).toList();
    }

    @GetMapping("/api/activities/{activityId}")
    public ActivityResponse one(@PathVariable UUID activityId) {
        return ActivityResponse.of(readActivities.one(activityId));
    }

    @DeleteMapping("/api/activities/{activityId}")
    public ResponseEntity<Void> retract(@PathVariable UUID activityId) {
        retractActivity.retract(activityId);
        return ResponseEntity.noContent().build();
    }
}
