package se.stegvis.participant.participants.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.participant.catalogue.domain.Project;
import se.stegvis.participant.catalogue.domain.ProjectCatalogueSeed;
import se.stegvis.participant.participants.domain.EntryData.DeclarableAnswer;
import se.stegvis.participant.participants.domain.EntryData.EducationLevel;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.EntryData.LabourMarketStatus;
import se.stegvis.service.command.InvalidCommand;
import se.stegvis.service.command.Violation;

class ParticipantTest {

    private static final Project UTVAG = ProjectCatalogueSeed.projects().get(0);
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    /** An invented person born 17 April 1998 (Luhn-valid, not a real person's number). */
    private static final PersonalData PERSON = new PersonalData(PersonalIdentityNumber.parse("19980417-3210"), "Testa",
            "Påhittad", Protection.NONE);

    @Test
    void enrolment_derives_the_age_on_the_enrolment_day() {
        ParticipantEvent.Enrolled onTheDayBefore = Participant.enrol(UUID.randomUUID(), UTVAG, PERSON, facts(LocalDate.of(2025, 4, 16)), NOW);
        ParticipantEvent.Enrolled onTheBirthday = Participant.enrol(UUID.randomUUID(), UTVAG, PERSON, facts(LocalDate.of(2025, 4, 17)), NOW);

        assertThat(onTheDayBefore.entryData().ageAtEntry()).isEqualTo(26);
        assertThat(onTheBirthday.entryData().ageAtEntry()).isEqualTo(27);
    }

    @Test
    void enrolment_outside_the_project_period_or_in_a_foreign_target_group_is_refused_with_both_reasons() {
        EntryFacts outside = new EntryFacts(LocalDate.of(2024, 9, 1), "ASTRONAUT", Gender.MAN, LabourMarketStatus.INACTIVE,
                EducationLevel.ISCED_0_2, DeclarableAnswer.NO, DeclarableAnswer.NO, false, false, false, false);
        assertThatThrownBy(() -> Participant.enrol(UUID.randomUUID(), UTVAG, PERSON, outside, NOW))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations()).extracting(Violation::pointer)
                        .containsExactly("/enrolledOn", "/targetGroup"));
    }

    @Test
    void leaving_before_enrolment_is_refused_and_on_the_enrolment_day_is_allowed() {
        Participant participant = Participant.enrolled(Participant.enrol(UUID.randomUUID(), UTVAG, PERSON, facts(LocalDate.of(2025, 2, 3)), NOW));

        assertThatThrownBy(() -> participant.leave(LocalDate.of(2025, 2, 2), LeavingReason.COMPLETED, NOW))
                .isInstanceOf(InvalidCommand.class).hasMessageContaining("/leftOn");
        assertThat(participant.left(participant.leave(LocalDate.of(2025, 2, 3), LeavingReason.DROPPED_OUT, NOW)).leftOn())
                .isEqualTo(LocalDate.of(2025, 2, 3));
    }

    @Test
    void a_correction_after_leaving_cannot_move_enrolment_past_the_leaving_day() {
        Participant enrolled = Participant.enrolled(Participant.enrol(UUID.randomUUID(), UTVAG, PERSON, facts(LocalDate.of(2025, 2, 3)), NOW));
        Participant left = enrolled.left(enrolled.leave(LocalDate.of(2025, 3, 1), LeavingReason.COMPLETED, NOW));

        assertThatThrownBy(() -> left.correct(UTVAG, PERSON, facts(LocalDate.of(2025, 3, 2)), NOW)).isInstanceOf(InvalidCommand.class);
        assertThat(left.correct(UTVAG, PERSON, facts(LocalDate.of(2025, 2, 10)), NOW).entryData().enrolledOn())
                .isEqualTo(LocalDate.of(2025, 2, 10));
    }

    @Test
    void every_event_gets_its_own_id_and_the_participants_key() {
        UUID id = UUID.randomUUID();
        ParticipantEvent.Enrolled enrolled = Participant.enrol(id, UTVAG, PERSON, facts(LocalDate.of(2025, 2, 3)), NOW);
        ParticipantEvent.Erased erased = Participant.enrolled(enrolled).erase(NOW);

        assertThat(erased.participantId()).isEqualTo(id);
        assertThat(erased.eventId()).isNotEqualTo(enrolled.eventId());
    }

    private static EntryFacts facts(LocalDate enrolledOn) {
        return new EntryFacts(enrolledOn, "GANG_DEFECTOR", Gender.MAN, LabourMarketStatus.LONG_TERM_UNEMPLOYED,
                EducationLevel.ISCED_0_2, DeclarableAnswer.DECLINED, DeclarableAnswer.NO, false, true, false, false);
    }
}
