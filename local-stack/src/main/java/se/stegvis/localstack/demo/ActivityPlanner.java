package se.stegvis.localstack.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A participant's activities, of their project's types, between enrolment and leaving (or the demo's end). Each type
 * reaches a share of the participants with a few sessions of typical length; a type one of the project's targets
 * counts reaches almost everyone, and every participant gets at least one activity.
 */
record ActivityPlanner(DemoProject project, DemoMixes mixes) {

    /** How many sessions anyone gets at most, so a demo of 300 stays a few thousand requests. */
    private static final int MAX_SESSIONS = 12;
    List<DemoActivity> plan(String key, DemoPerson.Entry entry, LocalDate lastDay, Random random) {
        List<Session> sessions = new ArrayList<>();
        for (String type : project.activityTypes()) {
            ActivityKind kind = mixes.activity(type);
            int share = project.targetedActivityTypes().contains(type) ? mixes.percent("targetedActivityPercent")
                    : kind.percentFor(entry.targetGroup());
            if (random.nextInt(100) < share) {
                sessions.addAll(sessions(type, kind, entry.enrolledOn(), lastDay, random));
            }
        }
        if (sessions.isEmpty()) {
            String type = mostCommonType(entry.targetGroup());
            sessions.addAll(sessions(type, mixes.activity(type), entry.enrolledOn(), lastDay, random));
        }
        sessions.sort(Comparator.comparing(Session::date));
        List<Session> kept = sessions.subList(0, Math.min(MAX_SESSIONS, sessions.size()));
        List<DemoActivity> activities = new ArrayList<>();
        for (Session session : kept) {
            activities.add(new DemoActivity(key + "-activity-" + activities.size(), session.type(), session.date(),
                    session.hours(), false));
        }
        if (random.nextInt(100) < mixes.percent("slips.activityPercent")) {
            Session slip = kept.get(random.nextInt(kept.size()));
            activities.add(new DemoActivity(key + "-activity-" + activities.size(), slip.type(),
                    day(entry.enrolledOn(), lastDay, random), slip.hours(), true));
        }
        return List.copyOf(activities);
    }

    private List<Session> sessions(String type, ActivityKind kind, LocalDate from, LocalDate to, Random random) {
        int count = kind.minSessions() + random.nextInt(kind.maxSessions() - kind.minSessions() + 1);
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate date = i == 0 && kind.startsOnEnrolment() ? from : day(from, to, random);
            sessions.add(new Session(type, date, new BigDecimal(kind.hours().pick(random))));
        }
        return sessions;
    }

    private String mostCommonType(String targetGroup) {
        return project.activityTypes().stream()
                .max(Comparator.comparingInt(type -> mixes.activity(type).percentFor(targetGroup)))
                .orElseThrow();
    }

    private static LocalDate day(LocalDate from, LocalDate to, Random random) {
        return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
    }

    private record Session(String type, LocalDate date, BigDecimal hours) {
    }
}
