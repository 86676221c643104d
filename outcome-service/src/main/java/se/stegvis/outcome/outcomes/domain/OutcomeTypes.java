package se.stegvis.outcome.outcomes.domain;

import java.util.List;

/** The ESF+ result types every project may record; a project adds its own (e.g. STEP_FORWARD) in its catalogue entry. */
public final class OutcomeTypes {

    public static final List<String> ESF_PLUS = List.of("JOB_SEARCHING", "IN_EDUCATION_OR_TRAINING", "GAINED_QUALIFICATION",
            "EMPLOYED", "IMPROVED_LABOUR_MARKET_SITUATION");

    private OutcomeTypes() {
    }

    public static boolean allowedIn(Project project, String type) {
        return ESF_PLUS.contains(type) || project.outcomeTypes().contains(type);
    }
}
