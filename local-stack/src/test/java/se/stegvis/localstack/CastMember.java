package se.stegvis.localstack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One invented participant of the whole-system scenario and what happens to them: who they are (made-up names and a
 * made-up identity number with a valid check digit, in one of its printed forms), their entry data, their activities,
 * leaving and outcomes, a correction, an erasure. The scenario fills in the ids the services answer.
 */
final class CastMember {

    /** How the identity number is written in the enrolment: participant-service takes all four forms. */
    enum Form { TWELVE_WITH_DASH, TWELVE, TEN_WITH_DASH, TEN }

    record Profile(String gender, String labourMarketStatus, String educationLevel, String disability, String minority,
                   Set<String> flags) {

        Profile withDisability(String answer) {
            return new Profile(gender, labourMarketStatus, educationLevel, answer, minority, flags);
        }

        Profile withMinority(String answer) {
            return new Profile(gender, labourMarketStatus, educationLevel, disability, answer, flags);
        }

        Profile withFlags(String... flagged) {
            return new Profile(gender, labourMarketStatus, educationLevel, disability, minority, Set.of(flagged));
        }
    }

    record PlannedActivity(String type, LocalDate date, String hours, boolean retracted) {
    }

    /** {@code followUp} is what outcome-service must file it under, from the leaving date. */
    record PlannedOutcome(String type, LocalDate date, String followUp, boolean retracted) {
    }

    final String key;
    final String projectId;
    final String targetGroup;
    final LocalDate enrolledOn;
    final String identityNumber;
    final Form form;
    final String givenName;
    final String familyName;
    String protection = "NONE";
    Profile profile;
    Profile corrected;
    String correctedFamilyName;
    final List<PlannedActivity> activities = new ArrayList<>();
    final List<PlannedOutcome> outcomes = new ArrayList<>();
    private List<?> lastPlanned;
    LocalDate leftOn;
    String leavingReason;
    boolean erased;
    String participantId;

    /** @param identityNumber the twelve digits YYYYMMDDNNNC, C the Luhn check digit over YYMMDDNNN */
    CastMember(String key, String projectId, String targetGroup, LocalDate enrolledOn, String identityNumber, Form form,
               String givenName, String familyName) {
        this.key = key;
        this.projectId = projectId;
        this.targetGroup = targetGroup;
        this.enrolledOn = enrolledOn;
        this.identityNumber = identityNumber;
        this.form = form;
        this.givenName = givenName;
        this.familyName = familyName;
    }

    CastMember profile(String gender, String labourMarketStatus, String educationLevel) {
        profile = new Profile(gender, labourMarketStatus, educationLevel, "NO", "NO", Set.of());
        return this;
    }

    CastMember profile(Profile given) {
        profile = given;
        return this;
    }

    CastMember protection(String level) {
        protection = level;
        return this;
    }

    CastMember activity(String type, LocalDate date, String hours) {
        activities.add(new PlannedActivity(type, date, hours, false));
        lastPlanned = activities;
        return this;
    }

    /** @param followUp the point outcome-service must file it at (it works that out from the leaving date) */
    CastMember outcome(String type, LocalDate date, String followUp) {
        outcomes.add(new PlannedOutcome(type, date, followUp, false));
        lastPlanned = outcomes;
        return this;
    }

    /** An outcome dated before leaving: outcome-service files it during participation. */
    CastMember outcomeDuring(String type, LocalDate date) {
        return outcome(type, date, "DURING_PARTICIPATION");
    }

    /** The activity or outcome planned just before is retracted once it is recorded. */
    CastMember thenRetracted() {
        if (lastPlanned == activities) {
            PlannedActivity a = activities.remove(activities.size() - 1);
            activities.add(new PlannedActivity(a.type(), a.date(), a.hours(), true));
        } else {
            PlannedOutcome o = outcomes.remove(outcomes.size() - 1);
            outcomes.add(new PlannedOutcome(o.type(), o.date(), o.followUp(), true));
        }
        return this;
    }

    CastMember leaves(LocalDate day, String reason) {
        leftOn = day;
        leavingReason = reason;
        return this;
    }

    /** A correction of the entry data and of the family name, sent as a PATCH after the enrolment. */
    CastMember correctedTo(Profile profileAfter, String familyNameAfter) {
        corrected = profileAfter;
        correctedFamilyName = familyNameAfter;
        return this;
    }

    CastMember erasedAtTheEnd() {
        erased = true;
        return this;
    }

    /** The entry data the indicators count: the corrected one where there was a correction. */
    Profile finalProfile() {
        return corrected != null ? corrected : profile;
    }

    /** The day of birth; a coordination number has 60 added to its day. */
    LocalDate born() {
        int day = Integer.parseInt(identityNumber.substring(6, 8));
        return LocalDate.of(Integer.parseInt(identityNumber.substring(0, 4)), Integer.parseInt(identityNumber.substring(4, 6)),
                day > 60 ? day - 60 : day);
    }

    String numberAsSent() {
        String dashed = identityNumber.substring(0, 8) + "-" + identityNumber.substring(8);
        return switch (form) {
            case TWELVE_WITH_DASH -> dashed;
            case TWELVE -> identityNumber;
            case TEN_WITH_DASH -> dashed.substring(2);
            case TEN -> identityNumber.substring(2);
        };
    }

    /** Every printed form of the number: what must never be found outside participant-service's sealed store. */
    List<String> numberForms() {
        String dashed = identityNumber.substring(0, 8) + "-" + identityNumber.substring(8);
        return List.of(identityNumber, dashed, identityNumber.substring(2), dashed.substring(2));
    }

    /** The names, including a corrected one. */
    List<String> names() {
        return correctedFamilyName == null ? List.of(givenName, familyName) : List.of(givenName, familyName, correctedFamilyName);
    }

    boolean hasLeft() {
        return leftOn != null;
    }

    @Override
    public String toString() {
        return key + "(" + projectId + ")";
    }
}
