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

import se.stegvis.outbox.OutboxEntry;
import se.stegvis.participant.participants.adapter.out.crypto.DuplicateFingerprint;
import se.stegvis.participant.participants.adapter.out.crypto.MasterKey;
import se.stegvis.participant.participants.adapter.out.crypto.PersonalDataCipher;
import se.stegvis.participant.participants.application.ChangeParticipant;
import se.stegvis.participant.participants.application.EnrolParticipant;
import se.stegvis.participant.participants.application.InterleavingRegistry;
import se.stegvis.participant.participants.application.ParticipantChangedConcurrently;
import se.stegvis.participant.participants.application.ParticipantErased;
import se.stegvis.participant.participants.application.ParticipantRegistry;
import se.stegvis.participant.participants.application.SeedProjects;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.LeavingReason;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;
import se.stegvis.participant.participants.domain.Protection;
import se.stegvis.testsupport.SharedMongo;

/**
 * Races between commands on one participant, on the real store over mongo-java-server (no transactions: each command
 * is one conditional single-document write). Command A reads, command B runs to its end, then A writes, every time
 * ({@link InterleavingRegistry}, one thread, no sleeps). What is checked is the raw document and its outbox.
 */
class MongoParticipantRegistryRaceIT {

    /** Invented people (Luhn-valid numbers, not real people's). */
    private static final PersonalData PERSON = new PersonalData(PersonalIdentityNumber.parse("19870312-4563"), "Påhittad",
            "Skyddsdottir", Protection.FICTITIOUS_IDENTITY);
    private static final PersonalData CORRECTED = new PersonalData(PersonalIdentityNumber.parse("19870312-4571"), "Påhittad",
            "Rättaddottir", Protection.FICTITIOUS_IDENTITY);

    private final MongoClient mongo = MongoClients.create(SharedMongo.connectionString());
    private final MongoCollection<Document> participants = mongo.getDatabase("race-" + UUID.randomUUID()).getCollection("participants");
    private final MasterKey masterKey = MasterKey.generate();
    private final PersonalDataCipher cipher = new PersonalDataCipher(masterKey);
    private final DuplicateFingerprint duplicates = new DuplicateFingerprint(masterKey);
    private final MongoParticipantRegistry store = new MongoParticipantRegistry(participants, cipher, duplicates);
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final List<String> signalled = new ArrayList<>();
    private final UUID id = new EnrolParticipant(store, SeedProjects.catalogue(), signalled::add, request -> request, SeedProjects.auditTrail(), clock)
            .enrol(SeedProjects.UTVAG_STAFF, SeedProjects.UTVAG.id(), PERSON, SeedProjects.facts(Gender.WOMAN), null);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void erase_versus_correct_the_correction_is_gone_and_the_erasure_stays() {
        InterleavingRegistry registry = new InterleavingRegistry(store);
        ChangeParticipant change = change(registry);
        registry.afterNextRead(() -> change.erase(SeedProjects.UTVAG_STAFF, id));

        assertThatThrownBy(() -> change.correct(SeedProjects.UTVAG_STAFF, id, 0, CORRECTED, SeedProjects.facts(Gender.MAN))).isInstanceOf(ParticipantErased.class);

        assertErasedForGood();
    }

    @Test
    void erase_versus_leave_the_leaving_is_gone_and_the_erasure_stays() {
        InterleavingRegistry registry = new InterleavingRegistry(store);
        ChangeParticipant change = change(registry);
        registry.afterNextRead(() -> change.erase(SeedProjects.UTVAG_STAFF, id));

        assertThatThrownBy(() -> change.leave(SeedProjects.UTVAG_STAFF, id, LocalDate.of(2025, 6, 1), LeavingReason.COMPLETED))
                .isInstanceOf(ParticipantErased.class);

        assertErasedForGood();
        assertThat(raw().getString("leftOn")).isNull();
    }

    @Test
    void correct_versus_correct_the_later_writer_is_refused_and_only_the_stored_correction_is_published() {
        InterleavingRegistry registry = new InterleavingRegistry(store);
        ChangeParticipant change = change(registry);
        registry.afterNextRead(() -> change.correct(SeedProjects.UTVAG_STAFF, id, 0, null, SeedProjects.facts(Gender.NON_BINARY)));

        assertThatThrownBy(() -> change.correct(SeedProjects.UTVAG_STAFF, id, 0, CORRECTED, SeedProjects.facts(Gender.MAN)))
                .isInstanceOf(ParticipantChangedConcurrently.class);

        Document raw = raw();
        assertThat(raw.get("entryData", Document.class).getString("gender")).isEqualTo("NON_BINARY");
        assertThat(((Number) raw.get("revision")).longValue()).isEqualTo(1);
        assertThat(store.find(id).orElseThrow().person().familyName()).as("the loser's personal data is not stored")
                .isEqualTo("Skyddsdottir");
        assertThat(outbox()).containsExactly("ParticipantEnrolled", "ParticipantEntryDataCorrected");
    }

    @Test
    void a_participant_stored_before_revisions_were_counted_is_at_revision_zero_and_counts_on_from_there() {
        participants.updateOne(new Document("_id", id.toString()), Updates.unset("revision"));
        ChangeParticipant change = change(store);

        assertThat(store.find(id).orElseThrow().revision()).isZero();
        change.leave(SeedProjects.UTVAG_STAFF, id, LocalDate.of(2025, 6, 1), LeavingReason.COMPLETED);
        assertThat(((Number) raw().get("revision")).longValue()).isEqualTo(1);
        assertThatThrownBy(() -> change.correct(SeedProjects.UTVAG_STAFF, id, 0, null, SeedProjects.facts(Gender.MAN))).isInstanceOf(ParticipantChangedConcurrently.class);
        assertThat(change.correct(SeedProjects.UTVAG_STAFF, id, 1, null, SeedProjects.facts(Gender.MAN)).revision()).isEqualTo(2);
        change.erase(SeedProjects.UTVAG_STAFF, id);
        assertThat(raw().getBoolean("erased")).isTrue();
    }

    /** The same race on the update as it was: the check above sees the erasure undone. */
    @Test
    void positive_control_the_old_unconditional_update_undoes_the_erasure_and_the_check_sees_it() {
        InterleavingRegistry registry = new InterleavingRegistry(new OldUnconditionalUpdates(store, participants, cipher, duplicates));
        ChangeParticipant change = change(registry);
        registry.afterNextRead(() -> change.erase(SeedProjects.UTVAG_STAFF, id));

        change.correct(SeedProjects.UTVAG_STAFF, id, 0, CORRECTED, SeedProjects.facts(Gender.MAN));

        assertThat(raw().getBoolean("erased")).isFalse();
        assertThat(raw()).containsKeys("personal", "duplicateFingerprint");
        assertThat(outbox()).containsExactly("ParticipantEnrolled", "ParticipantErased", "ParticipantEntryDataCorrected");
        assertThatThrownBy(this::assertErasedForGood).isInstanceOf(AssertionError.class);
    }

    private ChangeParticipant change(ParticipantRegistry registry) {
        return new ChangeParticipant(registry, SeedProjects.catalogue(), signalled::add, SeedProjects.auditTrail(), clock);
    }

    private void assertErasedForGood() {
        Document raw = raw();
        assertThat(raw.getBoolean("erased")).isTrue();
        assertThat(raw).doesNotContainKeys("personal", "duplicateFingerprint", "idempotency");
        assertThat(((Number) raw.get("revision")).longValue()).isEqualTo(1);
        assertThat(outbox()).containsExactly("ParticipantEnrolled", "ParticipantErased");
        assertThat(store.find(id).orElseThrow().person()).isNull();
        assertThat(signalled).as("the enrolment and the erasure, not the loser").hasSize(2);
    }

    private Document raw() {
        return participants.find(new Document("_id", id.toString())).first();
    }

    /** The events waiting in the document's outbox, by type, in order (no relay runs here). */
    private List<String> outbox() {
        return raw().getList("outbox", Document.class).stream()
                .map(entry -> OutboxEntry.fromDocument(entry).event().getClass().getSimpleName()).toList();
    }
}
