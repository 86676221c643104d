package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.stegvis.reporting.indicators.application.ParticipantStore;
import se.stegvis.reporting.indicators.domain.ProjectedParticipant;
import se.stegvis.testing.UpstreamEvents;

/**
 * reporting-service on the shared broker and Mongo-wire server with a participant store that can be cut off, as
 * MongoDB away would be. Reached only through Kafka and the service's own ports, so it holds whatever consumes the
 * topics inside the service.
 */
class ReadModelOutageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate FEB_3 = LocalDate.of(2025, 2, 3);

    private static CutOff participants;
    private static RunningReportingService service;

    @BeforeAll
    static void start() {
        service = RunningReportingService.startWrapping(store -> participants = new CutOff(store));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void while_the_store_refuses_writes_the_lag_shows_the_growing_backlog_and_then_everything_is_applied() {
        UpstreamEvents upstream = service.upstream();
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
        assertThat(participants.store.participants(ids(enrolled))).isEmpty();

        participants.down = false;

        await("caught up again").atMost(PATIENCE).until(() -> lag() == 0);
        assertThat(participants.store.participants(ids(enrolled))).hasSize(5);
    }

    private static double lag() {
        return service.metric("stegvis.reporting.lag");
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
