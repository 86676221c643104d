package se.stegvis.activity.config;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;


import com.mongodb.client.MongoDatabase;

import se.stegvis.access.kafka.MembershipTopicConfiguration;
import se.stegvis.access.web.AccessConfiguration;
import se.stegvis.activity.activities.adapter.out.persistence.MongoActivities;
import se.stegvis.activity.activities.adapter.out.replica.ReplicaParticipations;
import se.stegvis.activity.activities.application.Activities;
import se.stegvis.activity.activities.application.Participations;
import se.stegvis.activity.activities.application.ReadActivities;
import se.stegvis.activity.activities.application.RecordActivity;
import se.stegvis.activity.activities.application.RetractActivity;
import se.stegvis.replica.MongoReplica;
import se.stegvis.schemas.EventTopic;
import se.stegvis.service.command.EventsPending;
import se.stegvis.service.config.Outboxes;
import se.stegvis.service.config.ReplicaConfiguration;
import se.stegvis.service.config.WritingServiceConfiguration;

/** Explicit wiring of activity-service: the activity store, its outbox relay, the participant replica, the use cases. */
@Configuration(proxyBeanMethods = false)
@Import({WritingServiceConfiguration.class, ReplicaConfiguration.class, AccessConfiguration.class,
        MembershipTopicConfiguration.class})
public class ActivityServiceConfiguration {

    /** "Today" for an activity's date is the day where the projects run, not in UTC. */
    @Bean
    Clock clock(@Value("${stegvis.time-zone:Europe/Stockholm}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    @Bean
    Outboxes outboxes() {
        return new Outboxes(List.of("activities"), List.of(EventTopic.ACTIVITIES));
    }

    @Bean
    Activities activities(MongoDatabase database) {
        return new MongoActivities(database.getCollection("activities"));
    }

    @Bean
    Participations participations(MongoReplica replica) {
        return new ReplicaParticipations(replica);
    }

    @Bean
    RecordActivity recordActivity(Activities activities, Participations participations, EventsPending eventsPending, Clock clock) {
        return new RecordActivity(activities, participations, eventsPending, clock);
    }

    @Bean
    RetractActivity retractActivity(Activities activities, EventsPending eventsPending, Clock clock) {
        return new RetractActivity(activities, eventsPending, clock);
    }

    @Bean
    ReadActivities readActivities(Activities activities, Participations participations) {
        return new ReadActivities(activities, participations);
    }
}
