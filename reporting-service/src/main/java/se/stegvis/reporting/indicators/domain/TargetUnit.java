package se.stegvis.reporting.indicators.domain;

/** A target in participants, or as a share (per cent) of the project's participants. */
public enum TargetUnit {
    PARTICIPANTS, PERCENT
}
