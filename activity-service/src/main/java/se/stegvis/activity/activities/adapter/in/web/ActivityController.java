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

import se.stegvis.access.Caller;
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
    public ResponseEntity<Map<String, String>> record(Caller caller, @PathVariable UUID participantId, @RequestBody ActivityRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKeyHeader) {
        // Validated (400 at Idempotency-Key) and hashed before anything is read or stored; only the hash is kept,
        // scoped to the caller so one client's key neither replays nor blocks another's.
        String idempotencyKey = IdempotencyKey.hashedOrRefused(idempotencyKeyHeader, caller.subject(), IDEMPOTENCY_KEYS);
        UUID activityId = recordActivity.record(caller, participantId, request.facts(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/activities/" + activityId))
                .body(Map.of("activityId", activityId.toString()));
    }

    @GetMapping("/api/participants/{participantId}/activities")
    public List<ActivityResponse> currentOf(Caller caller, @PathVariable UUID participantId) {
        return readActivities.currentOf(caller, participantId).stream().map(ActivityResponse::of).toList();
    }

    @GetMapping("/api/activities/{activityId}")
    public ActivityResponse one(Caller caller, @PathVariable UUID activityId) {
        return ActivityResponse.of(readActivities.one(caller, activityId));
    }

    @DeleteMapping("/api/activities/{activityId}")
    public ResponseEntity<Void> retract(Caller caller, @PathVariable UUID activityId) {
        retractActivity.retract(caller, activityId);
        return ResponseEntity.noContent().build();
    }
}
