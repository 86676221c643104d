package se.stegvis.reporting.indicators.domain;

import java.time.Instant;

/** What the projection applies: every event of the four topics, translated out of Avro. */
public interface ProjectionEvent {

    String eventId();

    Instant occurredAt();

    String projectId();
}
