package se.stegvis.issuer;

import java.util.List;

/**
 * An invented identity of the local stack, both a user who signs in and a confidential client of the same name, with
 * its global roles. Project roles are not here: which projects a person works in is Stegvis's own data (decision
 * 0007).
 */
public record DemoIdentity(String name, List<String> roles) {

    /** Everyone signs in with this; it is published in the README, which is why this issuer is for the local stack only. */
    public static final String PASSWORD = "demo";

    public static final List<DemoIdentity> ALL = List.of(
            new DemoIdentity("malmo-staff", List.of()),
            new DemoIdentity("goteborg-staff", List.of()),
            new DemoIdentity("ostra-staff", List.of()),
            new DemoIdentity("malmo-owner", List.of()),
            new DemoIdentity("integrator", List.of("integrator")),
            new DemoIdentity("auditor", List.of("auditor")),
            new DemoIdentity("admin", List.of("admin")));

    public DemoIdentity {
        roles = List.copyOf(roles);
    }

    /** The global roles of the user or client of that name; none for a name that is not a demo identity. */
    public static List<String> rolesOf(String name) {
        return ALL.stream().filter(identity -> identity.name().equals(name)).findFirst()
                .map(DemoIdentity::roles).orElse(List.of());
    }
}
