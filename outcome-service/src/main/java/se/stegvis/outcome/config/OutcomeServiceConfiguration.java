package se.stegvis.outcome.config;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.mongodb.client.MongoDatabase;

import se.stegvis.access.kafka.MembershipTopicConfiguration;
import se.stegvis.access.web.AccessConfiguration;
import se.stegvis.outcome.outcomes.adapter.out.persistence.MongoOutcomeStore;
import se.stegvis.outcome.outcomes.adapter.out.replica.ReplicaParticipantFacts;
import se.stegvis.outcome.outcomes.application.ListFollowUpsDue;
import se.stegvis.outcome.outcomes.application.OutcomeStore;
import se.stegvis.outcome.outcomes.application.ParticipantFacts;
import se.stegvis.outcome.outcomes.application.ReadOutcomes;
import se.stegvis.outcome.outcomes.application.RecordOutcome;
import se.stegvis.outcome.outcomes.application.RetractOutcome;
import se.stegvis.replica.MongoReplica;
import se.stegvis.schemas.EventTopic;
import se.stegvis.service.command.EventsPending;
import se.stegvis.service.config.Outboxes;
import se.stegvis.service.config.ReplicaConfiguration;
import se.stegvis.service.config.WritingServiceConfiguration;

/** Explicit wiring of outcome-service: the outcome store and its outbox relay, the participant replica, the use cases. */
@Configuration(proxyBeanMethods = false)
@Import({WritingServiceConfiguration.class, ReplicaConfiguration.class, AccessConfiguration.class,
        MembershipTopicConfiguration.class})
public class OutcomeServiceConfiguration {

    static final String OUTCOMES = "outcomes";

    /** A test that needs a fixed "today" registers its own Clock before the context refreshes. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value("${stegvis.time-zone:Europe/Stockholm}") ZoneId zone) {
        return Clock.system(zone);
    }

    @Bean
    Outboxes outboxes() {
        return new Outboxes(List.of(OUTCOMES), List.of(EventTopic.OUTCOMES));
    }

    @Bean
    ParticipantFacts participantFacts(MongoReplica replica) {
        return new ReplicaParticipantFacts(replica);
    }

    @Bean
    OutcomeStore outcomeStore(MongoDatabase database) {
        return new MongoOutcomeStore(database.getCollection(OUTCOMES));
    }

    @Bean
    RecordOutcome recordOutcome(ParticipantFacts facts, OutcomeStore store, EventsPending eventsPending, Clock clock) {
        return new RecordOutcome(facts, store, eventsPending, clock);
    }

    @Bean
    RetractOutcome retractOutcome(OutcomeStore store, EventsPending eventsPending, Clock clock) {
        return new RetractOutcome(store, eventsPending, clock);
    }

    @Bean
    ReadOutcomes readOutcomes(ParticipantFacts facts, OutcomeStore store) {
        return new ReadOutcomes(facts, store);
    }

    @Bean
    ListFollowUpsDue listFollowUpsDue(ParticipantFacts facts, OutcomeStore store, Clock clock) {
        return new ListFollowUpsDue(facts, store, clock);
    }
}
