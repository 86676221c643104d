package se.stegvis.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import se.stegvis.testing.TestIssuer;

/**
 * Sign-in for the services the benchmarks start in-process: they trust {@link TestIssuer} (an OpenID Connect issuer
 * in this JVM, as a deployment trusts its own), and every HTTP call carries one of its tokens. A token is signed once
 * and used until 10 of its 15 minutes have passed, so signing is not part of what is measured.
 */
final class BenchSignIn {

    /** STAFF of the benchmarks' projects: enrols, records outcomes. */
    static final String STAFF = "bench-staff";
    /** OWNER of the benchmarks' projects: the consolidated view and its stream. */
    static final String OWNER = "bench-owner";
    /** Global role {@code admin}: memberships, reporting's rebuild. */
    static final String ADMIN = "bench-admin";

    private static final Duration REUSE = Duration.ofMinutes(10);
    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final Map<String, Held> HELD = new ConcurrentHashMap<>();

    private record Held(String token, long signedAt) {
    }

    private BenchSignIn() {
    }

    /** The service's arguments and those that make it trust the issuer, with its actuator on a port of its own choosing. */
    static String[] serviceArguments(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(ISSUER.serviceArguments());
        all.add("--management.server.port=0");
        return all.toArray(String[]::new);
    }

    /** {@code Bearer <token>} of the subject ({@link #ADMIN} with the global role admin). */
    static String bearer(String subject) {
        Held held = HELD.compute(subject, (key, current) -> current != null && System.nanoTime() - current.signedAt() < REUSE.toNanos()
                ? current : new Held(subject.equals(ADMIN) ? ISSUER.token(subject, "admin") : ISSUER.token(subject), System.nanoTime()));
        return "Bearer " + held.token();
    }

    /** Makes {@link #STAFF} STAFF of the project through participant-service's API, as an admin would. */
    static void grantStaff(String participantUrl, String projectId) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(participantUrl + "/api/projects/" + projectId + "/members/" + STAFF))
                .header("Authorization", bearer(ADMIN)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"STAFF\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 && answer.statusCode() != 201) {
            throw new IllegalStateException("making " + STAFF + " STAFF of " + projectId + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }

    /**
     * Until a GET as the subject answers 200: a service that learns memberships from Kafka refuses (403/404) for a
     * moment after the membership was published.
     */
    static void awaitAllowed(String url, String subject, Duration patience) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long giveUp = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer(subject)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return;
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("GET " + url + " as " + subject + " still answers " + answer.statusCode());
            }
            Thread.sleep(200);
        }
    }
}
