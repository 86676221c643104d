package se.stegvis.participant.participants.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.access.Refused;
import se.stegvis.participant.audit.application.AuditTrail;
import se.stegvis.participant.audit.domain.AuditAction;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.audit.domain.AuditQuery;
import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.participants.domain.EntryData.DeclarableAnswer;
import se.stegvis.participant.participants.domain.EntryData.EducationLevel;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.EntryData.LabourMarketStatus;
import se.stegvis.participant.participants.domain.EntryFacts;
import se.stegvis.participant.participants.domain.Participant;
import se.stegvis.participant.participants.domain.ParticipantEvent;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;
import se.stegvis.participant.participants.domain.Protection;

/**
 * The race the store's unique indexes settle: two requests that both found no earlier answer, the other one's write
 * winning. The fake registry plays the loser's side of it.
 */
class EnrolParticipantTest {

    private static final Project UTVAG = SeedProjects.UTVAG;
    /** An invented person (Luhn-valid, not a real person's number). */
    private static final PersonalData PERSON = new PersonalData(PersonalIdentityNumber.parse("19980417-3210"), "Testa",
            "Påhittad", Protection.NONE);
    private static final EntryFacts FACTS = new EntryFacts(LocalDate.of(2025, 2, 3), "GANG_DEFECTOR", Gender.MAN,
            LabourMarketStatus.LONG_TERM_UNEMPLOYED, EducationLevel.ISCED_0_2, DeclarableAnswer.DECLINED, DeclarableAnswer.NO,
            false, true, false, false);

    private static final Caller STAFF = new Caller("staff-1", java.util.Set.of(), java.util.Map.of(UTVAG.id(), ProjectRole.STAFF));

    private final RacedRegistry registry = new RacedRegistry();
    private final List<String> signalled = new ArrayList<>();
    private final List<AuditEntry> audited = new ArrayList<>();
    private final EnrolParticipant enrol = new EnrolParticipant(registry, SeedProjects.catalogue(), signalled::add,
            request -> "fingerprint-of:" + request, new ListedAudit(), Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void only_staff_of_the_project_enrol_and_a_refusal_stores_signals_and_audits_nothing() {
        for (Caller refused : List.of(new Caller("owner-1", java.util.Set.of(), java.util.Map.of(UTVAG.id(), ProjectRole.OWNER)),
                new Caller("staff-elsewhere", java.util.Set.of(), java.util.Map.of("23-069-S06", ProjectRole.STAFF)),
                new Caller("admin-1", java.util.Set.of(se.stegvis.access.GlobalRole.ADMIN), java.util.Map.of()))) {
            assertThatThrownBy(() -> enrol.enrol(refused, UTVAG.id(), PERSON, FACTS, null)).isInstanceOf(Refused.class);
        }
        assertThat(registry.added).isZero();
        assertThat(signalled).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void an_enrolment_is_audited_with_who_what_and_which_participant() {
        registry.wonBy(null, null);
        UUID id = enrol.enrol(STAFF, UTVAG.id(), PERSON, FACTS, null);

        assertThat(audited).containsExactly(AuditEntry.of(Instant.parse("2025-03-01T10:00:00Z"), "staff-1", AuditAction.ENROL, UTVAG.id(), id));
    }

    @Test
    void a_retry_that_loses_the_race_to_its_own_first_request_is_answered_with_the_first_enrolment() {
        UUID first = UUID.randomUUID();
        registry.wonBySameRequest(first, new AlreadyEnrolled(first));

        assertThat(enrol.enrol(STAFF, UTVAG.id(), PERSON, FACTS, "key-1")).isEqualTo(first);
        assertThat(signalled).isEmpty();
    }

    @Test
    void the_same_key_with_another_request_that_loses_the_race_is_refused_as_a_reused_key() {
        UUID first = UUID.randomUUID();
        registry.wonBy(new ParticipantRegistry.IdempotentRequest("key-2", "fingerprint-of:another request", first),
                new IdempotencyKeyReused());

        assertThatThrownBy(() -> enrol.enrol(STAFF, UTVAG.id(), PERSON, FACTS, "key-2")).isInstanceOf(IdempotencyKeyReused.class);
    }

    @Test
    void the_same_person_enrolled_by_another_request_is_still_a_conflict() {
        UUID existing = UUID.randomUUID();
        registry.wonBy(null, new AlreadyEnrolled(existing));

        assertThatThrownBy(() -> enrol.enrol(STAFF, UTVAG.id(), PERSON, FACTS, "key-3"))
                .isInstanceOfSatisfying(AlreadyEnrolled.class, e -> assertThat(e.existingParticipantId()).isEqualTo(existing));
        assertThatThrownBy(() -> enrol.enrol(STAFF, UTVAG.id(), PERSON, FACTS, null)).isInstanceOf(AlreadyEnrolled.class);
    }

    /** Finds nothing before the write; the write is refused because another request got in first. */
    private static final class RacedRegistry implements ParticipantRegistry {

        private IdempotentRequest winner;
        private UUID sameRequestWinner;
        private RuntimeException refusal;
        private boolean written;
        private int added;

        void wonBy(IdempotentRequest winner, RuntimeException refusal) {
            this.winner = winner;
            this.refusal = refusal;
        }

        /** The winner carried the very same request under the same key (its fingerprint is the loser's). */
        void wonBySameRequest(UUID firstParticipant, RuntimeException refusal) {
            this.sameRequestWinner = firstParticipant;
            this.refusal = refusal;
        }

        @Override
        public Optional<IdempotentRequest> byIdempotencyKey(String key) {
            return written && winner != null && winner.key().equals(key) ? Optional.of(winner) : Optional.empty();
        }

        @Override
        public void add(Participant participant, PersonalData person, ParticipantEvent.Enrolled event, IdempotentRequest request) {
            written = true;
            if (sameRequestWinner != null) {
                winner = new IdempotentRequest(request.key(), request.requestFingerprint(), sameRequestWinner);
            }
            if (refusal != null) {
                throw refusal;
            }
            added++;
        }

        @Override
        public Optional<ParticipantRecord> find(UUID participantId) {
            return Optional.empty();
        }

        @Override
        public List<ParticipantRecord> ofProject(String projectId) {
            return List.of();
        }

        @Override
        public Optional<UUID> enrolledAs(String projectId, PersonalIdentityNumber number) {
            return Optional.empty();
        }

        @Override
        public void update(Participant participant, PersonalData person, ParticipantEvent event, long readRevision) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void erase(Participant participant, ParticipantEvent.Erased event) {
            throw new UnsupportedOperationException();
        }
    }

    private final class ListedAudit implements AuditTrail {
        @Override
        public void record(AuditEntry entry) {
            audited.add(entry);
        }

        @Override
        public List<AuditEntry> find(AuditQuery query) {
            return List.copyOf(audited);
        }
    }
}
