package se.stegvis.reporting.indicators.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import se.stegvis.reporting.indicators.adapter.out.catalogue.JsonIndicatorCatalogue;
import se.stegvis.reporting.indicators.adapter.out.persistence.MongoParticipantStore;
import se.stegvis.reporting.indicators.adapter.out.persistence.MongoProjectStore;
import se.stegvis.reporting.indicators.application.IndicatorProjection;
import se.stegvis.reporting.indicators.application.IndicatorTally;
import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.testing.SharedRegistry;
import se.stegvis.testing.UpstreamEvents;
import se.stegvis.testsupport.SharedKafka;
import se.stegvis.testsupport.SharedMongo;

/** The projection's consumer on the shared broker and Mongo-wire server, with a participant store that can be cut off. */
class ProjectionConsumerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate FEB_3 = LocalDate.of(2025, 2, 3);

    private final String database = SharedMongo.freshDatabase("projection-consumer-it");
    private final MongoClient mongo = MongoClients.create(database);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        mongo.close();
    }

    @Test
    void while_the_store_refuses_writes_the_lag_shows_the_growing_backlog_and_then_everything_is_applied() {
        MongoDatabase db = mongo.getDatabase(new ConnectionString(database).getDatabase());
        MongoParticipantStore stored = new MongoParticipantStore(db.getCollection(MongoParticipantStore.COLLECTION));
        CutOff participants = new CutOff(stored);
        MongoProjectStore projects = new MongoProjectStore(db.getCollection(MongoProjectStore.COLLECTION));
        IndicatorTally tally = new IndicatorTally(participants, projects,
                new IndicatorEngine(JsonIndicatorCatalogue.fromClassPath(JsonIndicatorCatalogue.DEFAULT)));
        ProjectionSettings settings = ProjectionSettings.of(SharedKafka.bootstrapServers(), SharedRegistry.url(),
                "projection-consumer-it-" + UUID.randomUUID());
        ProjectionConsumer consumer = new ProjectionConsumer(settings, new IndicatorProjection(participants, projects, tally),
                new DeadLetters(settings), meters, Clock.systemUTC());
        UpstreamEvents upstream = new UpstreamEvents(SharedKafka.bootstrapServers(), SharedRegistry.url());
        closing.add(upstream);
        consumer.start();
        closing.add(consumer::stop);
        await("caught up").atMost(PATIENCE).until(() -> lag() == 0);

        participants.down = true;
        List<UUID> enrolled = new ArrayList<>();
        String projectId = "99-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            enrolled.add(upstream.enrol(projectId, FEB_3));
        }
        await("the first three waiting").atMost(PATIENCE).until(() -> lag() >= 3);
        for (int i = 0; i < 2; i++) {
            enrolled.add(upstream.enrol(projectId, FEB_3));
        }
        await("all five waiting").atMost(PATIENCE).until(() -> lag() >= 5);
        assertThat(stored.participants(ids(enrolled))).isEmpty();

        participants.down = false;

        await("caught up again").atMost(PATIENCE).until(() -> lag() == 0);
        assertThat(stored.participants(ids(enrolled))).hasSize(5);
    }

    private double lag() {
        return meters.get("stegvis.reporting.lag").gauge().value();
    }

    private static List<String> ids(List<UUID> participants) {
        return participants.stream().map(UUID::toString).toList();
    }

    /** A participant store that refuses every read and write of participants while it is down, as MongoDB away would. */
    private static final class CutOff implements ParticipantStore {

        private final ParticipantStore store;
        private volatile boolean down;

        CutOff(ParticipantStore store) {
            this.store = store;
        }

        @Override
        public Map<String, Stored> participants(Collection<String> participantIds) {
            refuseWhileDown(!participantIds.isEmpty());
            return store.participants(participantIds);
        }

        @Override
        public void save(List<Stored> changed) {
            refuseWhileDown(!changed.isEmpty());
            store.save(changed);
        }

        @Override
        public List<ProjectedParticipant> ofProject(String projectId) {
            refuseWhileDown(true);
            return store.ofProject(projectId);
        }

        @Override
        public void forEach(Consumer<ProjectedParticipant> action) {
            refuseWhileDown(true);
            store.forEach(action);
        }

        @Override
        public boolean isEmpty() {
            refuseWhileDown(true);
            return store.isEmpty();
        }

        @Override
        public void clear() {
            refuseWhileDown(true);
            store.clear();
        }

        private void refuseWhileDown(boolean asked) {
            if (down && asked) {
                throw new IllegalStateException("the store is away");
            }
        }
    }
}
