package se.stegvis.service.command;

/** What is wrong with one part of a command: a JSON pointer to the field at fault and why. */
public record Violation(String pointer, String message) {
}
