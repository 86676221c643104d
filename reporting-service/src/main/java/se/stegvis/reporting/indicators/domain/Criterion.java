package se.stegvis.reporting.indicators.domain;

import java.util.List;
import java.util.Set;

/** What makes a participant count towards an indicator or a target: the catalogue's and the targets' rules as data. */
public sealed interface Criterion {

    boolean counts(CountedParticipant participant);

    /** Every participant: the {@code participants} indicator and targets that name no types. */
    record Everyone() implements Criterion {
        @Override
        public boolean counts(CountedParticipant participant) {
            return true;
        }
    }

    /** An entry attribute with one of the given values, e.g. labourMarketStatus UNEMPLOYED or LONG_TERM_UNEMPLOYED. */
    record EntryAttribute(String attribute, Set<String> values) implements Criterion {
        public EntryAttribute {
            values = Set.copyOf(values);
        }

        @Override
        public boolean counts(CountedParticipant participant) {
            return values.contains(participant.entry().attribute(attribute));
        }
    }

    /** An age at entry within the bounds, both inclusive; a null bound is open. */
    record AgeRange(Integer min, Integer max) implements Criterion {
        @Override
        public boolean counts(CountedParticipant participant) {
            int age = participant.entry().ageAtEntry();
            return (min == null || age >= min) && (max == null || age <= max);
        }
    }

    /**
     * A current outcome of one of the types, at the follow-up point if one is given (null: at any point). The point is
     * the one the outcome's event carries (outcome-service files it); nothing here works it out again from dates.
     */
    record OutcomeAt(Set<String> types, String followUp) implements Criterion {
        public OutcomeAt {
            types = Set.copyOf(types);
        }

        @Override
        public boolean counts(CountedParticipant participant) {
            return participant.outcomes().stream().anyMatch(outcome -> types.contains(outcome.type())
                    && (followUp == null || followUp.equals(outcome.followUp())));
        }
    }

    /** A current activity of one of the types. */
    record ActivityOf(Set<String> types) implements Criterion {
        public ActivityOf {
            types = Set.copyOf(types);
        }

        @Override
        public boolean counts(CountedParticipant participant) {
            return participant.activityTypes().stream().anyMatch(types::contains);
        }
    }

    /**
     * The participant left and the follow-up point has come for them on the day counted (see
     * {@link IndicatorCatalogue#followUpsCome}): whom a share measured at that point is taken of.
     */
    record FollowUpCome(String followUp) implements Criterion {
        @Override
        public boolean counts(CountedParticipant participant) {
            return participant.followUpsCome().contains(followUp);
        }
    }

    /** Any of the criteria: a target that lists both outcome and activity types. */
    record AnyOf(List<Criterion> criteria) implements Criterion {
        public AnyOf {
            criteria = List.copyOf(criteria);
        }

        @Override
        public boolean counts(CountedParticipant participant) {
            return criteria.stream().anyMatch(criterion -> criterion.counts(participant));
        }
    }

    /**
     * All of the criteria: a result defined narrowly (improved situation, only of those employed at entry) or a target
     * of one target group.
     */
    record AllOf(List<Criterion> criteria) implements Criterion {
        public AllOf {
            criteria = List.copyOf(criteria);
        }

        @Override
        public boolean counts(CountedParticipant participant) {
            return criteria.stream().allMatch(criterion -> criterion.counts(participant));
        }
    }

    /** The criteria that must all hold, as one: Everyone for none, the one itself for one, else {@link AllOf}. */
    static Criterion allOf(List<Criterion> criteria) {
        List<Criterion> binding = criteria.stream().filter(criterion -> !(criterion instanceof Everyone)).toList();
        return binding.isEmpty() ? new Everyone() : binding.size() == 1 ? binding.get(0) : new AllOf(binding);
    }
}
