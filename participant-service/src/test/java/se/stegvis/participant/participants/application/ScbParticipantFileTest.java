package se.stegvis.participant.participants.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.stegvis.access.Caller;
import se.stegvis.access.GlobalRole;
import se.stegvis.access.ProjectRole;
import se.stegvis.access.Refused;
import se.stegvis.participant.audit.domain.AuditAction;
import se.stegvis.participant.audit.domain.AuditEntry;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.InventedNumbers;
import se.stegvis.participant.participants.domain.Participant;
import se.stegvis.participant.participants.domain.ParticipantEvent;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;
import se.stegvis.participant.participants.domain.Protection;
import se.stegvis.participant.participants.domain.ScbMonthlyFile;
import se.stegvis.service.command.NotFound;

/** Who gets the SCB file, what the audit trail keeps of each download, and that erased people are not in it. */
class ScbParticipantFileTest {

    private static final String UTVAG = SeedProjects.UTVAG.id();
    private static final YearMonth FEBRUARY = YearMonth.of(2025, 2);
    private static final Instant NOW = Instant.parse("2025-03-04T08:00:00Z");

    private final InMemoryParticipantRegistry registry = new InMemoryParticipantRegistry();
    private final List<AuditEntry> audited = new ArrayList<>();
    private final ScbParticipantFile scbFile = new ScbParticipantFile(registry, SeedProjects.catalogue(),
            SeedProjects.auditTrail(audited), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void only_staff_of_the_project_get_the_file_and_a_refusal_audits_nothing() {
        enrolled(981, Protection.NONE);
        for (Caller refused : List.of(new Caller("owner-1", Set.of(), Map.of(UTVAG, ProjectRole.OWNER)),
                new Caller("staff-elsewhere", Set.of(), Map.of("23-069-S06", ProjectRole.STAFF)),
                new Caller("admin-1", Set.of(GlobalRole.ADMIN), Map.of()),
                new Caller("auditor-1", Set.of(GlobalRole.AUDITOR), Map.of()),
                new Caller("integrator-1", Set.of(GlobalRole.INTEGRATOR), Map.of()),
                new Caller("nobody", Set.of(), Map.of()))) {
            assertThatThrownBy(() -> scbFile.of(refused, UTVAG, FEBRUARY)).as(refused.subject()).isInstanceOf(Refused.class);
        }
        assertThat(audited).isEmpty();
    }

    @Test
    void an_unknown_project_is_not_found_before_the_roles_are_looked_at() {
        assertThatThrownBy(() -> scbFile.of(SeedProjects.UTVAG_STAFF, "99-999-X99", FEBRUARY))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.kind()).isEqualTo("project"));
        assertThat(audited).isEmpty();
    }

    @Test
    void a_download_is_audited_with_who_which_project_month_and_rows_and_whose_data_and_erased_people_are_left_out() {
        UUID plain = enrolled(981, Protection.NONE);
        UUID shielded = enrolled(982, Protection.PROTECTED_ADDRESS);
        UUID erased = enrolled(983, Protection.NONE);
        Participant stored = registry.find(erased).orElseThrow().participant();
        registry.erase(stored, stored.erase(NOW), null);

        ScbMonthlyFile file = scbFile.of(SeedProjects.UTVAG_STAFF, UTVAG, FEBRUARY);

        assertThat(file.participantIds()).containsExactlyInAnyOrder(plain, shielded).doesNotContain(erased);
        assertThat(audited).containsExactly(new AuditEntry(NOW, SeedProjects.UTVAG_STAFF.subject(), AuditAction.SCB_FILE, UTVAG,
                file.participantIds(), new AuditEntry.MonthlyFile(FEBRUARY, 2)));
    }

    @Test
    void a_month_without_participants_is_an_empty_file_and_still_audited() {
        enrolled(981, Protection.NONE);

        ScbMonthlyFile file = scbFile.of(SeedProjects.UTVAG_STAFF, UTVAG, YearMonth.of(2025, 1));

        assertThat(file.rows()).isEmpty();
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.file()).isEqualTo(new AuditEntry.MonthlyFile(YearMonth.of(2025, 1), 0));
            assertThat(entry.participantIds()).isEmpty();
        });
    }

    /** Enrolled in Utväg II on 3 February 2025, as the seed's facts say. */
    private UUID enrolled(int serial, Protection protection) {
        PersonalData person = new PersonalData(PersonalIdentityNumber.parse(InventedNumbers.withCheckDigit("19900101-" + serial),
                LocalDate.of(2025, 6, 15)), "Testa", "Påhittad", protection);
        ParticipantEvent.Enrolled event = Participant.enrol(UUID.randomUUID(), SeedProjects.UTVAG, person,
                SeedProjects.facts(Gender.WOMAN), NOW);
        registry.add(Participant.enrolled(event), person, event, null, null);
        return event.participantId();
    }
}
