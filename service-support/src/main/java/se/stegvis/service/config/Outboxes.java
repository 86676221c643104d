package se.stegvis.service.config;

import java.util.List;

import se.stegvis.schemas.EventTopic;

/**
 * What a writing service's outbox covers: the collections whose documents carry pending events, and the topics
 * those events go to (declared at start if missing). Each service declares one as a bean.
 */
public record Outboxes(List<String> collections, List<EventTopic> topics) {

    public Outboxes {
        collections = List.copyOf(collections);
        topics = List.copyOf(topics);
    }
}
