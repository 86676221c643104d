package se.stegvis.localstack.demo;

import java.util.List;

/**
 * The three projects of the built-in catalogue as participant-service's {@code GET /api/projects/{id}} answers them
 * (participant-service's ProjectCatalogueSeed), read the way the loader reads them.
 */
final class SeededProjects {

    private static final String ESF_AND_OWN_OUTCOMES = """
            "outcomeTypes": ["JOB_SEARCHING", "IN_EDUCATION_OR_TRAINING", "GAINED_QUALIFICATION", "EMPLOYED",
                             "IMPROVED_LABOUR_MARKET_SITUATION", "STEP_FORWARD"],
            "followUpPoints": ["UPON_LEAVING", "DAYS_90", "MONTHS_6"]""";

    static final String UTVAG_II = """
            {"projectId": "23-073-S03", "name": "Utväg II", "owner": {"name": "Malmö kommun", "organisationNumber": "2120001124"},
             "region": {"name": "Sydsverige", "nuts2": "SE22"}, "period": {"start": "2024-09-02", "end": "2027-08-31"},
             "plannedParticipants": 120,
             "targetGroups": [{"code": "GANG_DEFECTOR", "label": "Gang defectors living under threat"},
                              {"code": "DOMESTIC_VIOLENCE_VICTIM", "label": "Victims of domestic violence"}],
             "activityTypes": ["DIGITAL_GUIDANCE", "INDIVIDUAL_GUIDANCE", "EMPLOYMENT_COACHING", "STUDIES", "INTERNSHIP", "WORK_TRAINING"],
             "targets": [
               {"code": "participants", "target": 120, "unit": "PARTICIPANTS", "outcomeTypes": [], "activityTypes": [], "followUp": null, "genderShares": {}, "targetGroup": null},
               {"code": "digital-guidance", "target": 120, "unit": "PARTICIPANTS", "outcomeTypes": [], "activityTypes": ["DIGITAL_GUIDANCE"], "followUp": null, "genderShares": {}, "targetGroup": null},
               {"code": "digital-guidance-gang-defectors", "target": 60, "unit": "PARTICIPANTS", "outcomeTypes": [], "activityTypes": ["DIGITAL_GUIDANCE"], "followUp": null, "genderShares": {}, "targetGroup": "GANG_DEFECTOR"},
               {"code": "digital-guidance-domestic-violence-victims", "target": 60, "unit": "PARTICIPANTS", "outcomeTypes": [], "activityTypes": ["DIGITAL_GUIDANCE"], "followUp": null, "genderShares": {}, "targetGroup": "DOMESTIC_VIOLENCE_VICTIM"},
               {"code": "work-or-studies", "target": 60, "unit": "PARTICIPANTS", "outcomeTypes": ["EMPLOYED", "IN_EDUCATION_OR_TRAINING"], "activityTypes": [], "followUp": null, "genderShares": {"WOMAN": 50, "MAN": 50}, "targetGroup": null},
               {"code": "step-forward", "target": 60, "unit": "PARTICIPANTS", "outcomeTypes": ["STEP_FORWARD"], "activityTypes": [], "followUp": null, "genderShares": {}, "targetGroup": null}],
            %s}
            """.formatted(ESF_AND_OWN_OUTCOMES);

    static final String UNG_SYDVAST = """
            {"projectId": "23-069-S06", "name": "Uppsökarteam UngSydväst", "owner": {"name": "Göteborgs kommun", "organisationNumber": "2120001355"},
             "region": {"name": "Västsverige", "nuts2": "SE23"}, "period": {"start": "2024-09-01", "end": "2027-08-31"},
             "plannedParticipants": 200,
             "targetGroups": [{"code": "YOUNG_PEOPLE_AT_RISK", "label": "Young people at risk of crime and exclusion"}],
             "activityTypes": ["OUTREACH_CONTACT", "INDIVIDUAL_GUIDANCE", "PSYCHOSOCIAL_SUPPORT", "DIGITAL_GUIDANCE", "EMPLOYMENT_COACHING"],
             "targets": [{"code": "participants", "target": 200, "unit": "PARTICIPANTS", "outcomeTypes": [], "activityTypes": [], "followUp": null, "genderShares": {}, "targetGroup": null}],
            %s}
            """.formatted(ESF_AND_OWN_OUTCOMES);

    static final String OSTRA_MELLANSVERIGE = """
            {"projectId": "23-079-S13", "name": "Särskild insats trygghet Östra Mellansverige",
             "owner": {"name": "TalangAkademin Ekonomisk förening", "organisationNumber": "7696378459"},
             "region": {"name": "Östra Mellansverige", "nuts2": "SE12"}, "period": {"start": "2024-09-01", "end": "2027-08-31"},
             "plannedParticipants": 600,
             "targetGroups": [{"code": "YOUNG_PEOPLE_AT_RISK", "label": "Young people in risk environments"},
                              {"code": "PARENT", "label": "Parents of young people at risk"}],
             "activityTypes": ["OUTREACH_CONTACT", "INDIVIDUAL_GUIDANCE", "PARENT_SUPPORT", "SCHOOL_INTERVENTION", "REFERRAL_TO_ACTIVITY"],
             "targets": [{"code": "participants", "target": 600, "unit": "PARTICIPANTS", "outcomeTypes": [], "activityTypes": [], "followUp": null, "genderShares": {}, "targetGroup": null}],
            %s}
            """.formatted(ESF_AND_OWN_OUTCOMES);

    private SeededProjects() {
    }

    static List<DemoProject> all() {
        return List.of(project(UTVAG_II), project(UNG_SYDVAST), project(OSTRA_MELLANSVERIGE));
    }

    static DemoProject project(String json) {
        return DemoProject.from(DemoHttp.JSON.readTree(json));
    }
}
