package se.stegvis.localstack.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The whole demo set: the participants spread over the projects in proportion to the participants each plans (every
 * project gets at least one), in the order they enrolled, so the dashboard grows as the projects did.
 */
public record DemoPlan(List<DemoProject> projects, List<DemoPerson> people) {

    public static DemoPlan of(List<DemoProject> projects, int participants, long seed, LocalDate asOf) {
        int[] counts = shares(projects, participants);
        DemoMixes mixes = DemoMixes.standard();
        List<DemoPerson> people = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            people.addAll(new ProjectPeople(projects.get(i), mixes, seed, asOf).first(counts[i]));
        }
        people.sort(Comparator.comparing((DemoPerson person) -> person.entry().enrolledOn()).thenComparing(DemoPerson::key));
        return new DemoPlan(List.copyOf(projects), List.copyOf(people));
    }

    /**
     * Each project's share of the planned participants, rounded by the largest remainder; then every project that got
     * none takes one from the largest, as long as there are enough to go round.
     */
    static int[] shares(List<DemoProject> projects, int participants) {
        int[] counts = new int[projects.size()];
        double[] remainders = new double[counts.length];
        long planned = projects.stream().mapToLong(project -> Math.max(1, project.plannedParticipants())).sum();
        int given = 0;
        for (int i = 0; i < counts.length; i++) {
            double exact = (double) participants * Math.max(1, projects.get(i).plannedParticipants()) / planned;
            counts[i] = (int) exact;
            given += counts[i];
            remainders[i] = exact - counts[i];
        }
        for (int left = participants - given; left > 0; left--) {
            int largest = largest(remainders);
            counts[largest]++;
            remainders[largest] = -1;
        }
        for (int i = 0; i < counts.length && participants >= counts.length; i++) {
            if (counts[i] == 0) {
                counts[largest(counts)]--;
                counts[i] = 1;
            }
        }
        return counts;
    }

    private static int largest(double[] values) {
        int largest = 0;
        for (int i = 1; i < values.length; i++) {
            largest = values[i] > values[largest] ? i : largest;
        }
        return largest;
    }

    private static int largest(int[] values) {
        return largest(java.util.Arrays.stream(values).asDoubleStream().toArray());
    }

    public long activities() {
        return people.stream().mapToLong(person -> person.keptActivities().size()).sum();
    }

    public long outcomes() {
        return people.stream().mapToLong(person -> person.keptOutcomes().size()).sum();
    }

    public long participantsOf(String projectId) {
        return people.stream().filter(person -> person.projectId().equals(projectId)).count();
    }
}
