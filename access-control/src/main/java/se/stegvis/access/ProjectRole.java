package se.stegvis.access;

/** What a member does on one project: Stegvis's own data, set through the members API and carried by events. */
public enum ProjectRole {
    /** Works with the project's participants: their personal data, activities, outcomes and the exact figures. */
    STAFF,
    /** Answers for the project: its exact figures, the cross-project view and its members; no personal data. */
    OWNER
}
