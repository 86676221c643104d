package se.stegvis.participant.catalogue.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A project of the catalogue: who runs it, where, when, for whom, what it offers, what it records and what it aims
 * for. Projects are data: an integrator adds one through the API, with no code change.
 */
public record Project(
        String id,
        String name,
        Owner owner,
        Region region,
        Period period,
        int plannedParticipants,
        List<TargetGroup> targetGroups,
        List<String> activityTypes,
        List<String> outcomeTypes,
        List<Target> targets,
        List<FollowUpPoint> followUpPoints) {

    public record Owner(String name, String organisationNumber) {
    }

    public record Region(String name, String nuts2) {
    }

    public record Period(LocalDate start, LocalDate end) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    public record TargetGroup(String code, String label) {
    }

    /**
     * A target counts participants (of its target group, if it names one; null: of every group): all of them when it
     * lists no types, else those with one of its outcome types (at its follow-up point, if it names one) or one of its
     * activity types.
     */
    public record Target(String code, int target, TargetUnit unit, List<String> outcomeTypes,
            List<String> activityTypes, FollowUpPoint followUp, Map<String, Integer> genderShares, String targetGroup) {
    }

    public enum TargetUnit { PARTICIPANTS, PERCENT }

    /** The follow-up points after leaving: within four weeks, 90 days, six months. */
    public enum FollowUpPoint { UPON_LEAVING, DAYS_90, MONTHS_6 }

    public boolean hasTargetGroup(String code) {
        return targetGroups.stream().anyMatch(group -> group.code().equals(code));
    }

    public boolean runsOn(LocalDate day) {
        return period.contains(day);
    }
}
