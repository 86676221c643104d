package se.stegvis.participant.members.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import se.stegvis.access.ProjectRole;
import se.stegvis.participant.members.domain.MembersChanged;
import se.stegvis.participant.members.domain.ProjectMembers;
import se.stegvis.testsupport.ScanCountingMongo;

/** A membership change is conditional on the revision read, and the condition is answered from an index. */
class MongoMemberStoreIT {

    private static final String PROJECT = "23-073-S03";

    private final String database = "members-" + UUID.randomUUID();
    private final MongoClient mongo = MongoClients.create(ScanCountingMongo.connectionString());
    private final MongoMemberStore store = new MongoMemberStore(mongo.getDatabase(database).getCollection("memberships"));

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void a_change_holds_at_the_revision_read_and_not_after_another_change_and_reads_no_collection_in_full() {
        long before = ScanCountingMongo.scans(database, "memberships");

        assertThat(store.save(store.find(PROJECT), change(Map.of("staff-1", ProjectRole.STAFF)))).isTrue();
        ProjectMembers read = store.find(PROJECT);
        assertThat(store.save(read, change(Map.of("staff-1", ProjectRole.OWNER)))).isTrue();
        assertThat(store.save(read, change(Map.of("staff-2", ProjectRole.STAFF)))).as("read before the change above").isFalse();

        assertThat(ScanCountingMongo.scans(database, "memberships")).isEqualTo(before);
        assertThat(store.find(PROJECT).members()).isEqualTo(Map.of("staff-1", ProjectRole.OWNER));
        assertThat(store.find(PROJECT).revision()).isEqualTo(2);
        assertThat(mongo.getDatabase(database).getCollection("memberships").find().first().get("outbox", List.class)).hasSize(2);
    }

    private static MembersChanged change(Map<String, ProjectRole> members) {
        return new MembersChanged(UUID.randomUUID(), Instant.parse("2025-03-01T10:00:00Z"), PROJECT, members);
    }
}
