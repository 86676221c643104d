package se.stegvis.access;

import java.util.Map;

/** Where a service looks up the projects a subject works on: its own store, or its copy of the memberships topic. */
@FunctionalInterface
public interface Memberships {

    /** Project id to role, for every project the subject is a member of; empty when none. */
    Map<String, ProjectRole> of(String subject);
}
