package se.stegvis.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.stegvis.events.FollowUpPoint;
import se.stegvis.testing.UpstreamEvents;

/**
 * Publishes what participant-service would, in the shapes these tests need: a project with its own outcome type and
 * chosen follow-up points, participants enrolled, left or erased.
 */
final class ParticipantServiceStandIn implements AutoCloseable {

    private final UpstreamEvents upstream;

    ParticipantServiceStandIn(String bootstrapServers, String registryUrl) {
        upstream = new UpstreamEvents(bootstrapServers, registryUrl);
    }

    /** A project with STEP_FORWARD as its own outcome type and the given follow-up points. */
    /** The subject the tests sign in as: STAFF of every project this stand-in defines. */
    static final String STAFF = "outcome-it-staff";

    /** A new project with {@link #STAFF} as its staff, as participant-service would publish them. */
    String project(FollowUpPoint... followUpPoints) {
        String projectId = upstream.project(project -> project.setOutcomeTypes(List.of("EMPLOYED", "STEP_FORWARD"))
                .setFollowUpPoints(List.of(followUpPoints)));
        upstream.members(projectId, java.util.Map.of(STAFF, "STAFF"));
        return projectId;
    }

    UUID enrolled(String projectId, LocalDate enrolledOn) {
        return upstream.enrol(projectId, enrolledOn);
    }

    UUID left(String projectId, LocalDate enrolledOn, LocalDate leftOn) {
        UUID participantId = upstream.enrol(projectId, enrolledOn);
        upstream.leave(participantId, projectId, leftOn);
        return participantId;
    }

    UUID erased(String projectId, LocalDate enrolledOn) {
        UUID participantId = upstream.enrol(projectId, enrolledOn);
        upstream.erase(participantId, projectId);
        return participantId;
    }

    @Override
    public void close() {
        upstream.close();
    }
}
