package se.stegvis.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project memberships of the local stack's demo identities: Stegvis data, not the issuer's, so the stack makes
 * them exist through participant-service's API as {@code admin} would. {@code PUT} of a role a subject already has
 * changes nothing and publishes nothing, so this is sent on every start of the stack and before every demo load.
 *
 * <p>Only for the local stack: a deployment's members are managed by its own admins and project owners.
 */
public final class DemoMembers {

    /** The staff identity of each current project of the built-in catalogue. */
    public static final Map<String, String> STAFF = orderedStaff();
    public static final String OWNER = "malmo-owner";
    public static final String OWNER_PROJECT = "23-073-S03";
    public static final String ADMIN = "admin";
    public static final String INTEGRATOR = "integrator";
    public static final String AUDITOR = "auditor";

    private final URI participantService;
    private final TokenSource tokens;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoMembers(URI participantService, TokenSource tokens) {
        this.participantService = participantService;
        this.tokens = tokens;
    }

    /** The global roles the local issuer gives the identity (its {@code roles} claim). */
    public static String[] globalRoles(String identity) {
        return switch (identity) {
            case ADMIN, INTEGRATOR, AUDITOR -> new String[] {identity};
            default -> new String[0];
        };
    }

    /** The staff identity of the project; fails for a project without one. */
    public static String staffOf(String projectId) {
        String staff = STAFF.get(projectId);
        if (staff == null) {
            throw new IllegalArgumentException("No demo staff for project " + projectId);
        }
        return staff;
    }

    /**
     * Makes every demo membership exist; one line per membership ("malmo-staff STAFF of 23-073-S03: added" or
     * "kept"). Throws {@link IllegalStateException} at the first answer other than 200 or 201.
     */
    public List<String> ensure() {
        List<String> lines = new ArrayList<>();
        STAFF.forEach((project, staff) -> lines.add(put(project, staff, "STAFF")));
        lines.add(put(OWNER_PROJECT, OWNER, "OWNER"));
        return lines;
    }

    /** Gives the subject the role ({@code STAFF} or {@code OWNER}) on the project, as {@code admin}; a line as above. */
    public String put(String projectId, String subject, String role) {
        String path = "/api/projects/" + projectId + "/members/" + subject;
        HttpRequest request = HttpRequest.newBuilder(participantService.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", tokens.bearer(ADMIN)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"" + role + "\"}")).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("participant-service does not answer PUT " + path + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException("PUT " + path + " as " + ADMIN + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return subject + " " + role + " of " + projectId + ": " + (response.statusCode() == 201 ? "added" : "kept");
    }

    private static Map<String, String> orderedStaff() {
        Map<String, String> staff = new LinkedHashMap<>();
        staff.put("23-073-S03", "malmo-staff");
        staff.put("23-069-S06", "goteborg-staff");
        staff.put("23-079-S13", "ostra-staff");
        return Collections.unmodifiableMap(staff);
    }
}
