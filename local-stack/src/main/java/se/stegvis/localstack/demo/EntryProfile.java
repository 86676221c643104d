package se.stegvis.localstack.demo;

import tools.jackson.databind.JsonNode;

/**
 * Who the people of one target group tend to be at entry (demo-mixes.json), so the dashboard looks like a real
 * project's: defectors are mostly young men, victims of domestic violence mostly women, and both often live under a
 * protected identity; young people at risk are often under 18 and outside the labour market.
 *
 * @param weight how often the group is picked beside the project's other groups
 * @param ages   ranges of age at entry, {@code "18-24 40"} meaning 40 parts aged 18 to 24
 */
record EntryProfile(int weight, Mix genders, Mix ages, Mix labourMarket, Mix education, Mix protection,
        int thirdCountryPercent, int foreignBackgroundPercent, int homelessPercent, int disabilityPercent) {

    static EntryProfile from(JsonNode group) {
        return new EntryProfile(group.path("weight").asInt(1), mix(group, "genders"), mix(group, "ages"),
                mix(group, "labourMarket"), mix(group, "education"), mix(group, "protection"),
                group.path("thirdCountryPercent").asInt(), group.path("foreignBackgroundPercent").asInt(),
                group.path("homelessPercent").asInt(), group.path("disabilityPercent").asInt());
    }

    private static Mix mix(JsonNode group, String field) {
        return Mix.of(group.path(field).asString());
    }
}
