package se.stegvis.participant.participants.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

import se.stegvis.participant.participants.adapter.out.crypto.DuplicateFingerprint;
import se.stegvis.participant.participants.adapter.out.crypto.MasterKey;
import se.stegvis.participant.participants.adapter.out.crypto.PersonalDataCipher;
import se.stegvis.participant.participants.application.AlreadyEnrolled;
import se.stegvis.participant.participants.application.ChangeParticipant;
import se.stegvis.participant.participants.application.EnrolParticipant;
import se.stegvis.participant.participants.application.ParticipantChangedConcurrently;
import se.stegvis.participant.participants.application.ParticipantErased;
import se.stegvis.participant.participants.application.SeedProjects;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.LeavingReason;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;
import se.stegvis.participant.participants.domain.Protection;
import se.stegvis.testsupport.ScanCountingMongo;

/**
 * Every command reads and writes its participant by an index: on mongo-java-server (the local stack's store) a
 * filter no unique index matches exactly reads every participant, once per command. Counted by the server itself.
 */
class MongoParticipantRegistryScansIT {

    /** Invented people (Luhn-valid numbers, not real people's). */
    private static final PersonalData PERSON = new PersonalData(PersonalIdentityNumber.parse("19870312-4563"), "Påhittad",
            "Skyddsdottir", Protection.FICTITIOUS_IDENTITY);
    private static final PersonalData OTHER = new PersonalData(PersonalIdentityNumber.parse("19870312-4571"), "Påhittad",
            "Rättaddottir", Protection.NONE);

    private final String database = "registry-scans-" + UUID.randomUUID();
    private final MongoClient mongo = MongoClients.create(ScanCountingMongo.connectionString());
    private final MongoCollection<Document> participants = mongo.getDatabase(database).getCollection("participants");
    private final MasterKey masterKey = MasterKey.generate();
    private final MongoParticipantRegistry store = new MongoParticipantRegistry(participants,
            new PersonalDataCipher(masterKey), new DuplicateFingerprint(masterKey));
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final EnrolParticipant enrol = new EnrolParticipant(store, SeedProjects.catalogue(), id -> { }, request -> request,
            SeedProjects.auditTrail(new ArrayList<>()), clock);
    private final ChangeParticipant change = new ChangeParticipant(store, SeedProjects.catalogue(), id -> { }, clock);
    private final String project = SeedProjects.UTVAG.id();

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void enrolment_its_retry_a_duplicate_a_correction_a_lost_race_a_leaving_and_an_erasure_read_no_collection_in_full() {
        long before = scans();

        UUID id = enrol.enrol(SeedProjects.UTVAG_STAFF, project, PERSON, SeedProjects.facts(Gender.WOMAN), "key-1");
        assertThat(enrol.enrol(SeedProjects.UTVAG_STAFF, project, PERSON, SeedProjects.facts(Gender.WOMAN), "key-1")).isEqualTo(id);
        assertThatThrownBy(() -> enrol.enrol(SeedProjects.UTVAG_STAFF, project, PERSON, SeedProjects.facts(Gender.MAN), null))
                .isInstanceOf(AlreadyEnrolled.class);
        change.correct(SeedProjects.UTVAG_STAFF, id, 0, OTHER, SeedProjects.facts(Gender.MAN));
        assertThatThrownBy(() -> change.correct(SeedProjects.UTVAG_STAFF, id, 0, null, SeedProjects.facts(Gender.WOMAN)))
                .isInstanceOf(ParticipantChangedConcurrently.class);
        change.leave(SeedProjects.UTVAG_STAFF, id, LocalDate.of(2025, 6, 1), LeavingReason.COMPLETED);
        change.erase(SeedProjects.UTVAG_STAFF, id);
        assertThatThrownBy(() -> change.erase(SeedProjects.UTVAG_STAFF, id)).isInstanceOf(ParticipantErased.class);

        assertThat(scans()).as("queries that read every participant").isEqualTo(before);
        assertThat(((Number) participants.find(new Document("_id", id.toString())).first().get("revision")).longValue()).isEqualTo(3);
    }

    @Test
    void a_participant_stored_before_revisions_were_counted_is_changed_by_an_index_too() {
        UUID id = enrol.enrol(SeedProjects.UTVAG_STAFF, project, PERSON, SeedProjects.facts(Gender.WOMAN), null);
        participants.updateOne(new Document("_id", id.toString()), Updates.unset("revision"));
        long before = scans();

        change.leave(SeedProjects.UTVAG_STAFF, id, LocalDate.of(2025, 6, 1), LeavingReason.COMPLETED);

        assertThat(scans()).isEqualTo(before);
        assertThat(store.find(id).orElseThrow().participant().leftOn()).isEqualTo(LocalDate.of(2025, 6, 1));
    }

    private long scans() {
        return ScanCountingMongo.scans(database, "participants");
    }
}
