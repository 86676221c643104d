package se.stegvis.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import se.stegvis.testsupport.FreePort;

/**
 * A service stopping while MongoDB is unreachable: the relay's round hangs in the driver's server selection, and
 * stopping must not wait for all of it (the local stack gives a service 30 s before it kills it).
 */
class OutboxRelayStopIT {

    @Test
    void stopping_does_not_wait_for_a_round_stuck_on_an_unreachable_mongodb() {
        MongoClientSettings unreachable = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + FreePort.find()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.MINUTES))
                .build();
        try (MongoClient mongo = MongoClients.create(unreachable)) {
            OutboxRelay relay = new OutboxRelay(OutboxRelaySettings.of("127.0.0.1:" + FreePort.find(), "http://unused.invalid"),
                    List.of(mongo.getDatabase("unreachable").getCollection("participants")), new SimpleMeterRegistry());
            relay.start();

            long started = System.nanoTime();
            assertTimeoutPreemptively(OutboxRelay.STOP_WAIT.plusSeconds(20), relay::stop);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(OutboxRelay.STOP_WAIT.plusSeconds(5));
        }
    }
}
