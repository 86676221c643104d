package se.stegvis.reporting.indicators.domain;

/** The ESF+ breakdown of every indicator, in the order the views show it. */
public enum Gender {
    WOMAN, MAN, NON_BINARY, NOT_STATED
}
