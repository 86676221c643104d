package se.stegvis.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles the issuer gives, in the token's {@code roles} claim. They hold across projects and none of them alone
 * opens anyone's personal data: that takes STAFF on the person's project ({@link ProjectRole}).
 */
public enum GlobalRole {
    /** Defines and changes projects in the catalogue; nothing about persons or figures. */
    INTEGRATOR("integrator"),
    /** Reads the audit trail of personal data; no personal data. */
    AUDITOR("auditor"),
    /** Manages memberships and rebuilds read models; no personal data by this role alone. */
    ADMIN("admin");

    private final String claimValue;

    GlobalRole(String claimValue) {
        this.claimValue = claimValue;
    }

    /** How the role is written in the token's {@code roles} claim. */
    public String claimValue() {
        return claimValue;
    }

    /** The role a claim value names; roles Stegvis does not know (an issuer gives many) are none of its business. */
    public static Optional<GlobalRole> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }
}
