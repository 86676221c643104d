package se.stegvis.localstack.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One invented participant and everything that happens to them: enrolment, activities, perhaps leaving, outcomes.
 * {@link #toString()} names only the key: the person is invented, but the loader's output should read as a real
 * system's logs must, without names or numbers.
 *
 * @param key     the enrolment's Idempotency-Key, fixed by the demo set, the project and the person's place in it
 * @param leaving null while they take part
 */
public record DemoPerson(String key, String projectId, Person person, Entry entry, List<DemoActivity> activities,
        Leaving leaving, List<DemoOutcome> outcomes) {

    public record Person(String personalIdentityNumber, String givenName, String familyName, String protection) {
    }

    /** The ESF+ entry data as participant-service takes it; the age is derived there from the number. */
    public record Entry(LocalDate enrolledOn, String targetGroup, String gender, int ageAtEntry, String labourMarketStatus,
            String educationLevel, String disability, String minority, boolean thirdCountryNational,
            boolean foreignBackground, boolean homeless, boolean ruralArea) {
    }

    public record Leaving(LocalDate leftOn, String reason) {
    }

    /** The body of {@code POST /api/projects/{projectId}/participants}, field names as DESIGN.md gives them. */
    Map<String, Object> enrolment() {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("personalIdentityNumber", this.person.personalIdentityNumber());
        person.put("givenName", this.person.givenName());
        person.put("familyName", this.person.familyName());
        person.put("protection", this.person.protection());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person", person);
        body.put("enrolledOn", entry.enrolledOn().toString());
        body.put("targetGroup", entry.targetGroup());
        body.put("gender", entry.gender());
        body.put("labourMarketStatus", entry.labourMarketStatus());
        body.put("educationLevel", entry.educationLevel());
        body.put("disability", entry.disability());
        body.put("minority", entry.minority());
        body.put("thirdCountryNational", entry.thirdCountryNational());
        body.put("foreignBackground", entry.foreignBackground());
        body.put("homeless", entry.homeless());
        body.put("ruralArea", entry.ruralArea());
        return body;
    }

    public List<DemoActivity> keptActivities() {
        return activities.stream().filter(activity -> !activity.mistaken()).toList();
    }

    public List<DemoOutcome> keptOutcomes() {
        return outcomes.stream().filter(outcome -> !outcome.mistaken()).toList();
    }

    @Override
    public String toString() {
        return "DemoPerson[" + key + "]";
    }
}
