package se.stegvis.localstack.demo;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Brings a participant's outcomes in outcome-service to the plan. outcome-service takes no Idempotency-Key, so this
 * reads the participant's current outcomes first and records only those missing: a second load records nothing. A
 * planned mistake (recorded, then retracted) is sent only if neither it nor anything after it is there yet; one left
 * standing by an interrupted load is retracted.
 *
 * <p>outcome-service files an outcome by the leaving day it knows when the outcome arrives. Should the leaving still
 * be on its way through Kafka, the answer names another follow-up point; such an outcome is retracted and recorded
 * again once the leaving has arrived.
 */
record OutcomeLoader(URI outcomeService, DemoHttp http, DemoSummary summary) {

    private static final int REFILE_ATTEMPTS = 10;
    private static final Duration REFILE_PAUSE = Duration.ofSeconds(1);

    void reconcile(DemoPerson person, String participantId) {
        if (person.outcomes().isEmpty()) {
            return;
        }
        List<Current> current = current(participantId);
        List<DemoOutcome> planned = person.outcomes();
        for (int i = 0; i < planned.size(); i++) {
            DemoOutcome outcome = planned.get(i);
            Current there = find(current, outcome);
            if (!outcome.mistaken() && there != null) {
                summary.outcomesThere++;
            } else if (!outcome.mistaken()) {
                record(participantId, outcome);
            } else if (there != null) {
                retract(there.outcomeId());
            } else if (planned.subList(i + 1, planned.size()).stream().noneMatch(later -> find(current, later) != null)) {
                retract(record(participantId, outcome));
            }
        }
    }

    private List<Current> current(String participantId) {
        List<Current> current = new ArrayList<>();
        http.get(outcomeService, "/api/participants/" + participantId + "/outcomes")
                .expect("GET the outcomes of " + participantId, 200).body()
                .forEach(outcome -> current.add(new Current(outcome.path("outcomeId").asString(),
                        outcome.path("type").asString(), LocalDate.parse(outcome.path("date").asString()))));
        return current;
    }

    /** The new outcome's id, once outcome-service filed it at the planned point (mistakes are not checked). */
    private String record(String participantId, DemoOutcome outcome) {
        Map<String, String> body = Map.of("type", outcome.type(), "date", outcome.date().toString());
        for (int attempt = 1; ; attempt++) {
            DemoHttp.Answer answer = http.post(outcomeService, "/api/participants/" + participantId + "/outcomes", body, null)
                    .expect("Outcome of " + participantId, 201);
            if (outcome.mistaken()) {
                return answer.text("outcomeId");
            }
            if (outcome.followUp().equals(answer.text("followUp"))) {
                summary.outcomesRecorded++;
                return answer.text("outcomeId");
            }
            delete(answer.text("outcomeId"));
            summary.refiled++;
            if (attempt == REFILE_ATTEMPTS) {
                throw new DemoLoadFailed("outcome-service files the outcomes of " + participantId + " at "
                        + answer.text("followUp") + ", not " + outcome.followUp() + ": it does not learn of the leaving");
            }
            DemoHttp.pause(REFILE_PAUSE);
        }
    }

    private void retract(String outcomeId) {
        delete(outcomeId);
        summary.outcomesRetracted++;
    }

    private void delete(String outcomeId) {
        http.delete(outcomeService, "/api/outcomes/" + outcomeId).expect("Retraction of outcome " + outcomeId, 204);
    }

    private static Current find(List<Current> current, DemoOutcome outcome) {
        return current.stream().filter(there -> outcome.sameAs(there.type(), there.date())).findFirst().orElse(null);
    }

    private record Current(String outcomeId, String type, LocalDate date) {
    }
}
