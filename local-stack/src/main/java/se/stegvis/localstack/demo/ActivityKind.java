package se.stegvis.localstack.demo;

import tools.jackson.databind.JsonNode;

/**
 * How an activity type is typically used (demo-mixes.json): the share of participants who get it, how many sessions,
 * how long each. Parent support is for parents and school interventions for the young.
 *
 * @param percent per cent of the participants (of {@code onlyFor}, if given) who get it
 * @param onlyFor the target group it is meant for, or null for anyone
 * @param hours   a {@link Mix} of session lengths in hours, multiples of a quarter
 * @param startsOnEnrolment the first session is the day they join (outreach is how people are found)
 */
record ActivityKind(int percent, String onlyFor, int minSessions, int maxSessions, Mix hours, boolean startsOnEnrolment) {

    static ActivityKind from(JsonNode kind) {
        String[] sessions = kind.path("sessions").asString("1-1").split("-");
        return new ActivityKind(kind.path("percent").asInt(), kind.path("onlyFor").asString(null),
                Integer.parseInt(sessions[0]), Integer.parseInt(sessions[1]), Mix.of(kind.path("hours").asString()),
                kind.path("startsOnEnrolment").asBoolean(false));
    }

    int percentFor(String targetGroup) {
        return onlyFor == null || onlyFor.equals(targetGroup) ? percent : 0;
    }
}
