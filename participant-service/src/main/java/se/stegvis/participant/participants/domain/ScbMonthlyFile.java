package se.stegvis.participant.participants.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The monthly file of one project's participants that its owner sends Statistics Sweden (SCB): who took part at some
 * time in the month, from when and until when, in chronological order. What goes in it and why is in
 * docs/scb-file.md; the rules are here so that they hold whichever way the file is written out.
 *
 * <p>A participation overlaps the month when it began on or before the month's last day and did not end before its
 * first. The end date is given only when the leaving falls within the month: one that falls after it is reported in
 * the file of its own month (as SCB asks of end dates), so the file of a past month reads the same whenever it is
 * made. Erased participants are never in a file: their identity number no longer exists.
 *
 * @param rows chronological: by start date, then end date (an open end last), then participant id, which is random
 *             and so says nothing about the person
 */
public record ScbMonthlyFile(String projectId, YearMonth month, List<Row> rows) {

    /**
     * What SCB's ESF collection page asks for in place of the number of a person with a protected identity: the date
     * of birth and a four-character code whose third character is even for women, as in an identity number. The
     * women's code is the page's; the men's is inferred from that rule and not confirmed (docs/scb-file.md).
     */
    static final String PROTECTED_WOMAN_CODE = "Tf29";
    static final String PROTECTED_MAN_CODE = "Tf19";

    private static final Comparator<Row> CHRONOLOGICAL = Comparator.comparing(Row::start)
            .thenComparing(Row::end, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(row -> row.participantId().toString());

    public ScbMonthlyFile {
        rows = List.copyOf(rows);
    }

    /** A participant with the personal data read for the file; the person is null once erased. */
    public record Participation(Participant participant, PersonalData person) {
    }

    /**
     * One line of the file. The participant id is not written: it tells the audit trail whose data went out.
     *
     * @param identity the identity number as twelve digits, or for a protected person the code that stands in for it
     * @param end the leaving date when it falls within the month; null otherwise
     */
    public record Row(UUID participantId, String identity, LocalDate start, LocalDate end) {

        @Override
        public String toString() {
            return "Row[" + participantId + "]";
        }
    }

    public static ScbMonthlyFile of(String projectId, YearMonth month, List<Participation> participations) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<Row> rows = participations.stream()
                .filter(p -> !p.participant().erased() && p.participant().projectId().equals(projectId))
                .filter(p -> !p.participant().entryData().enrolledOn().isAfter(last))
                .filter(p -> p.participant().leftOn() == null || !p.participant().leftOn().isBefore(first))
                .map(p -> row(p, last))
                .sorted(CHRONOLOGICAL)
                .toList();
        return new ScbMonthlyFile(projectId, month, rows);
    }

    public List<UUID> participantIds() {
        return rows.stream().map(Row::participantId).toList();
    }

    private static Row row(Participation participation, LocalDate last) {
        Participant participant = participation.participant();
        PersonalData person = Objects.requireNonNull(participation.person(), "a participant who is not erased has personal data");
        LocalDate leftOn = participant.leftOn();
        return new Row(participant.id(), identity(person), participant.entryData().enrolledOn(),
                leftOn == null || leftOn.isAfter(last) ? null : leftOn);
    }

    /**
     * The twelve digits, without a separator, for a person without protection. Any protection level gets the code
     * instead, since SCB's page speaks of protected identity as a whole and a fictitious identity's number is no
     * more fit to pass around than a real one under protection.
     */
    static String identity(PersonalData person) {
        PersonalIdentityNumber number = person.personalIdentityNumber();
        if (person.protection() == Protection.NONE) {
            return number.canonical();
        }
        return number.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE)
                + (number.hasEvenSexDigit() ? PROTECTED_WOMAN_CODE : PROTECTED_MAN_CODE);
    }
}
