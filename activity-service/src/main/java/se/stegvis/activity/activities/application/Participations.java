package se.stegvis.activity.activities.application;

import java.util.Optional;
import java.util.UUID;

import se.stegvis.activity.activities.domain.Participation;

/**
 * The participants this service has heard of, from its replica of the participants' and projects' topics. Empty
 * when the participant (or their project) has not arrived yet: the replica lags the topics by moments.
 */
public interface Participations {

    Optional<Participation> find(UUID participantId);
}
