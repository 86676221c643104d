package se.stegvis.participant.participants.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.participant.participants.application.ParticipantRegistry.ParticipantRecord;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.LeavingReason;
import se.stegvis.participant.participants.domain.ParticipantEvent;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;
import se.stegvis.participant.participants.domain.Protection;

/**
 * Command A reads, command B runs to its end, then A writes ({@link InterleavingRegistry}): what the loser answers,
 * what stays stored and which events go out. The Mongo store's own side of it is MongoParticipantRegistryRaceIT.
 */
class ChangeParticipantRaceTest {

    /** Invented people (Luhn-valid numbers, not real people's). */
    static final PersonalData PERSON = new PersonalData(PersonalIdentityNumber.parse("19980417-3210"), "Testa",
            "Påhittad", Protection.PROTECTED_ADDRESS);
    static final PersonalData CORRECTED_PERSON = new PersonalData(PersonalIdentityNumber.parse("19980417-3228"), "Testa",
            "Rättad", Protection.PROTECTED_ADDRESS);

    private final InMemoryParticipantRegistry store = new InMemoryParticipantRegistry();
    private final InterleavingRegistry registry = new InterleavingRegistry(store);
    private final List<String> signalled = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final ChangeParticipant change = new ChangeParticipant(registry, SeedProjects.catalogue(), signalled::add, SeedProjects.auditTrail(), clock);
    private final UUID id = new EnrolParticipant(registry, SeedProjects.catalogue(), signalled::add, request -> request, SeedProjects.auditTrail(), clock)
            .enrol(SeedProjects.UTVAG_STAFF, SeedProjects.UTVAG.id(), PERSON, SeedProjects.facts(Gender.WOMAN), null);

    @Test
    void a_correction_that_read_before_an_erasure_is_gone_and_brings_nothing_back() {
        registry.afterNextRead(() -> change.erase(SeedProjects.UTVAG_STAFF, id));

        assertThatThrownBy(() -> change.correct(SeedProjects.UTVAG_STAFF, id, 0, CORRECTED_PERSON, SeedProjects.facts(Gender.MAN))).isInstanceOf(ParticipantErased.class);

        assertErasedForGood();
    }

    @Test
    void a_leaving_that_read_before_an_erasure_is_gone_and_brings_nothing_back() {
        registry.afterNextRead(() -> change.erase(SeedProjects.UTVAG_STAFF, id));

        assertThatThrownBy(() -> change.leave(SeedProjects.UTVAG_STAFF, id, LocalDate.of(2025, 6, 1), LeavingReason.COMPLETED))
                .isInstanceOf(ParticipantErased.class);

        assertErasedForGood();
        assertThat(store.stored(id).participant().leftOn()).isNull();
    }

    @Test
    void of_two_corrections_that_read_the_same_revision_the_second_writer_is_refused_and_publishes_nothing() {
        registry.afterNextRead(() -> change.correct(SeedProjects.UTVAG_STAFF, id, 0, null, SeedProjects.facts(Gender.NON_BINARY)));

        assertThatThrownBy(() -> change.correct(SeedProjects.UTVAG_STAFF, id, 0, CORRECTED_PERSON, SeedProjects.facts(Gender.MAN)))
                .isInstanceOf(ParticipantChangedConcurrently.class);

        ParticipantRecord stored = store.stored(id);
        assertThat(stored.participant().entryData().gender()).isEqualTo(Gender.NON_BINARY);
        assertThat(stored.person().familyName()).isEqualTo("Påhittad");
        assertThat(stored.revision()).isEqualTo(1);
        assertThat(store.events(id)).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("Enrolled", "EntryDataCorrected");
        assertThat(((ParticipantEvent.EntryDataCorrected) store.events(id).get(1)).entryData().gender()).isEqualTo(Gender.NON_BINARY);
        assertThat(signalled).hasSize(2);
    }

    @Test
    void a_leaving_that_read_before_a_correction_is_refused() {
        registry.afterNextRead(() -> change.correct(SeedProjects.UTVAG_STAFF, id, 0, null, SeedProjects.facts(Gender.NON_BINARY)));

        assertThatThrownBy(() -> change.leave(SeedProjects.UTVAG_STAFF, id, LocalDate.of(2025, 6, 1), LeavingReason.COMPLETED))
                .isInstanceOf(ParticipantChangedConcurrently.class);

        assertThat(store.stored(id).participant().leftOn()).isNull();
        assertThat(store.events(id)).hasSize(2);
    }

    @Test
    void a_correction_merged_over_an_older_read_than_the_stored_revision_is_refused_before_it_is_validated() {
        change.correct(SeedProjects.UTVAG_STAFF, id, 0, null, SeedProjects.facts(Gender.NON_BINARY));

        assertThatThrownBy(() -> change.correct(SeedProjects.UTVAG_STAFF, id, 0, null, SeedProjects.facts(Gender.MAN))).isInstanceOf(ParticipantChangedConcurrently.class);
        assertThat(change.correct(SeedProjects.UTVAG_STAFF, id, 1, null, SeedProjects.facts(Gender.MAN)).revision()).isEqualTo(2);
        assertThat(store.stored(id).revision()).isEqualTo(2);
    }

    @Test
    void an_erasure_that_read_before_a_correction_still_erases_since_erasure_wins() {
        registry.afterNextRead(() -> change.correct(SeedProjects.UTVAG_STAFF, id, 0, CORRECTED_PERSON, SeedProjects.facts(Gender.MAN)));

        change.erase(SeedProjects.UTVAG_STAFF, id);

        assertThat(store.stored(id).participant().erased()).isTrue();
        assertThat(store.stored(id).person()).isNull();
        assertThat(store.events(id)).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("Enrolled", "EntryDataCorrected", "Erased");
    }

    @Test
    void of_two_erasures_the_second_is_gone_and_publishes_no_second_erasure() {
        registry.afterNextRead(() -> change.erase(SeedProjects.UTVAG_STAFF, id));

        assertThatThrownBy(() -> change.erase(SeedProjects.UTVAG_STAFF, id)).isInstanceOf(ParticipantErased.class);

        assertErasedForGood();
    }

    private void assertErasedForGood() {
        ParticipantRecord stored = store.stored(id);
        assertThat(stored.participant().erased()).isTrue();
        assertThat(stored.person()).isNull();
        assertThat(stored.revision()).isEqualTo(1);
        assertThat(store.events(id)).extracting(event -> event.getClass().getSimpleName()).containsExactly("Enrolled", "Erased");
        assertThat(signalled).as("enrolment and erasure only").hasSize(2);
    }
}
