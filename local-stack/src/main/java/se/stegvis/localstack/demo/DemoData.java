package se.stegvis.localstack.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import se.stegvis.localstack.DemoMembers;
import se.stegvis.localstack.IssuerTokens;
import se.stegvis.localstack.StackSettings;

/**
 * Loads invented demo participants into a running stack through the services' HTTP APIs, so a newcomer sees a
 * living dashboard. Run by the launcher after "Stegvis is running" with {@code -Dstegvis.demo=true}, or on its own
 * against a stack already running ({@code ./mvnw -Pdemo -pl local-stack -am package -DskipTests}); the options are
 * in local-stack/README.md. Loading twice adds nothing.
 *
 * <p>Signed in as each project's demo staff (client-credentials tokens from the stack's issuer). The launcher makes
 * the demo memberships when it starts; the loader makes sure of them again ({@link DemoMembers}, as {@code admin}),
 * since it may run against a stack whose members someone has changed since.
 */
public final class DemoData {

    /** The three current projects of the built-in catalogue. */
    static final List<String> PROJECTS = List.of("23-073-S03", "23-069-S06", "23-079-S13");
    static final String PREFIX = "[demo] ";
    /** The start of the last line of a load that went through. */
    public static final String LOADED = PREFIX + "loaded in ";

    private DemoData() {
    }

    public static void main(String[] args) {
        DemoSettings settings;
        try {
            settings = DemoSettings.from(StackSettings.values(System.getProperties(), args));
        } catch (IllegalArgumentException e) {
            System.err.println(PREFIX + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            load(settings, System.out);
        } catch (DemoLoadFailed e) {
            System.out.println(PREFIX + "failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Reads the projects, makes the plan and sends it, printing progress and a summary line that starts with
     * {@link #LOADED}; throws {@link DemoLoadFailed} at the first answer it cannot use.
     */
    public static void load(DemoSettings settings, PrintStream out) {
        long begin = System.nanoTime();
        IssuerTokens tokens = new IssuerTokens(settings.issuer());
        members(settings, tokens, out);
        DemoHttp http = new DemoHttp(DemoLoader.PATIENCE, tokens);
        DemoPlan plan = plan(settings, http);
        out.println(PREFIX + "loading " + plan.people().size() + " invented participants into " + counts(plan)
                + " (seed " + settings.seed() + ", dates up to " + settings.asOf() + ") …");
        DemoSummary summary = new DemoLoader(settings, http, out).load(plan);
        out.println(PREFIX + summary.describe((System.nanoTime() - begin) / 1_000_000_000L));
        out.println(PREFIX + "dashboard: " + settings.reportingService() + "/ (the indicators follow within moments)");
        out.flush();
    }

    /** The people a load with these settings sends: the same on every run. */
    public static DemoPlan plan(DemoSettings settings) {
        return plan(settings, new DemoHttp(DemoLoader.PATIENCE, new IssuerTokens(settings.issuer())));
    }

    private static void members(DemoSettings settings, IssuerTokens tokens, PrintStream out) {
        try {
            new DemoMembers(settings.participantService(), tokens).ensure()
                    .forEach(line -> out.println(PREFIX + "member: " + line));
        } catch (IllegalStateException e) {
            throw new DemoLoadFailed("the demo memberships: " + e.getMessage());
        }
    }

    private static DemoPlan plan(DemoSettings settings, DemoHttp http) {
        return DemoPlan.of(projects(settings, http), settings.participants(), settings.seed(), settings.asOf());
    }

    private static List<DemoProject> projects(DemoSettings settings, DemoHttp http) {
        List<DemoProject> projects = new ArrayList<>();
        for (String id : PROJECTS) {
            projects.add(DemoProject.from(http.as(DemoMembers.staffOf(id)).get(settings.participantService(), "/api/projects/" + id)
                    .expect("GET /api/projects/" + id, 200).body()));
        }
        return projects;
    }

    private static String counts(DemoPlan plan) {
        List<String> counts = new ArrayList<>();
        plan.projects().forEach(project -> counts.add(project.id() + ": " + plan.participantsOf(project.id())));
        return String.join(", ", counts);
    }
}
