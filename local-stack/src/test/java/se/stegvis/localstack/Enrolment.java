package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import se.stegvis.localstack.ServiceCalls.Reply;
import tools.jackson.databind.JsonNode;

/** One cast member's life in participant-service: enrolled, corrected, leaving, erased, read back. */
final class Enrolment {

    private final WholeSystemScenario scenario;
    private final CastMember member;

    Enrolment(WholeSystemScenario scenario, CastMember member) {
        this.scenario = scenario;
        this.member = member;
    }

    void enrol() {
        Reply enrolled = post(Map.of("Idempotency-Key", "e2e-" + member.key));
        assertThat(enrolled.status()).as("%s: enrolment answered %s", member, enrolled.describe()).isEqualTo(201);
        member.participantId = enrolled.json().path("participantId").asString();
        assertThat(enrolled.header("Location")).isEqualTo("/api/participants/" + member.participantId);
    }

    /** A retry with the same Idempotency-Key answers the same participant; the same person again without one is a 409. */
    void retryAndDuplicate() {
        Reply retried = post(Map.of("Idempotency-Key", "e2e-" + member.key));
        assertThat(retried.json().path("participantId").asString()).as("a retried enrolment").isEqualTo(member.participantId);
        Reply duplicate = post(Map.of());
        assertThat(duplicate.status()).as("the same person enrolled again: %s", duplicate.describe()).isEqualTo(409);
        assertThat(duplicate.json().path("participantId").asString()).isEqualTo(member.participantId);
    }

    void correct() {
        CastMember.Profile after = member.corrected;
        Reply corrected = http().json("PATCH", participantUrl(), WholeSystemScenario.json(Map.of(
                "gender", after.gender(), "labourMarketStatus", after.labourMarketStatus(), "educationLevel", after.educationLevel(),
                "person", Map.of("familyName", member.correctedFamilyName))));
        assertThat(corrected.status()).as("%s: correction answered %s", member, corrected.describe()).isEqualTo(200);
        JsonNode body = corrected.json();
        assertThat(body.path("gender").asString()).isEqualTo(after.gender());
        assertThat(body.path("educationLevel").asString()).isEqualTo(after.educationLevel());
        assertThat(body.path("person").path("familyName").asString()).isEqualTo(member.correctedFamilyName);
        assertThat(body.path("person").path("givenName").asString()).as("a field left out keeps its value").isEqualTo(member.givenName);
    }

    void leave() {
        Reply left = http().json("POST", participantUrl() + "/leave", WholeSystemScenario.json(Map.of(
                "leftOn", member.leftOn.toString(), "reason", member.leavingReason)));
        assertThat(left.status()).as("%s: leaving answered %s", member, left.describe()).isEqualTo(200);
    }

    /** Erased: the personal data is gone (410), the anonymous contribution to the indicators stays (see the figures). */
    void erase() {
        Reply erased = http().delete(participantUrl());
        assertThat(erased.status()).as("%s: erasure answered %s", member, erased.describe()).isEqualTo(204);
        assertThat(http().get(participantUrl()).status()).as("%s read after erasure", member).isEqualTo(410);
    }

    /** The sealed data reads back whole to whoever may read it; lists leave out a shielded person's data. */
    void assertReadBackAndShieldedInLists() {
        JsonNode read = http().get(participantUrl()).json();
        assertThat(read.path("person").path("personalIdentityNumber").asString())
                .isEqualTo(member.identityNumber.substring(0, 8) + "-" + member.identityNumber.substring(8));
        assertThat(read.path("person").path("givenName").asString()).isEqualTo(member.givenName);
        assertThat(read.path("person").path("protection").asString()).isEqualTo(member.protection);
        assertThat(read.path("ageAtEntry").asInt()).isEqualTo(Period.between(member.born(), member.enrolledOn).getYears());
        JsonNode listed = http().get(scenario.urls.participant() + "/api/projects/" + member.projectId + "/participants").json();
        assertThat(listed.valueStream().filter(p -> p.path("participantId").asString().equals(member.participantId)))
                .singleElement().satisfies(p -> assertThat(p.path("person").isNull()).as("a shielded person in a list").isTrue());
    }

    private Reply post(Map<String, String> headers) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("personalIdentityNumber", member.numberAsSent());
        person.put("givenName", member.givenName);
        person.put("familyName", member.familyName);
        person.put("protection", member.protection);
        CastMember.Profile p = member.profile;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person", person);
        body.put("enrolledOn", member.enrolledOn.toString());
        body.put("targetGroup", member.targetGroup);
        body.put("gender", p.gender());
        body.put("labourMarketStatus", p.labourMarketStatus());
        body.put("educationLevel", p.educationLevel());
        body.put("disability", p.disability());
        body.put("minority", p.minority());
        for (String flag : new String[] {"thirdCountryNational", "foreignBackground", "homeless", "ruralArea"}) {
            body.put(flag, p.flags().contains(flag));
        }
        return http().json("POST", scenario.urls.participant() + "/api/projects/" + member.projectId + "/participants",
                WholeSystemScenario.json(body), headers);
    }

    /** As the staff of the member's project, the only ones who may act on the participant. */
    private ServiceCalls http() {
        return scenario.as.staff(member.projectId);
    }

    private String participantUrl() {
        return scenario.urls.participant() + "/api/participants/" + member.participantId;
    }
}
