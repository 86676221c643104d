package se.stegvis.localstack;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the system tests act as, all demo identities of the stack's issuer: each current project's staff as the
 * launcher makes them ({@link DemoMembers}), {@value #TEST_STAFF} also as STAFF of every project a test defines
 * (granted by {@code admin} through the API, as an administrator would), {@code integrator} to define projects and
 * {@code malmo-owner} for the consolidated view.
 */
final class Identities {

    /** The staff of the projects the tests define or that have no demo staff. */
    static final String TEST_STAFF = "malmo-staff";

    private final ServiceUrls urls;
    private final Set<String> granted = ConcurrentHashMap.newKeySet();

    Identities(ServiceUrls urls) {
        this.urls = urls;
    }

    static String staffOf(String projectId) {
        return DemoMembers.STAFF.getOrDefault(projectId, TEST_STAFF);
    }

    /** A client signed in as the project's staff, made a member first where the launcher did not make it one. */
    ServiceCalls staff(String projectId) {
        String staff = staffOf(projectId);
        if (!DemoMembers.STAFF.containsKey(projectId) && granted.add(projectId)) {
            new DemoMembers(URI.create(urls.participant()), urls.tokens()).put(projectId, staff, "STAFF");
        }
        return urls.as(staff);
    }

    ServiceCalls integrator() {
        return urls.as(DemoMembers.INTEGRATOR);
    }

    ServiceCalls owner() {
        return urls.as(DemoMembers.OWNER);
    }

    /** No token at all: what a caller who has not signed in sends. */
    ServiceCalls nobody() {
        return urls.as(null);
    }

    ServiceCalls admin() {
        return urls.as(DemoMembers.ADMIN);
    }
}
