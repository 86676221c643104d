package se.stegvis.registry.domain;

import java.util.Set;

/**
 * Which subject names the registry takes. Confluent's refuses names with control characters and its reserved names
 * ({@code __GLOBAL} for the global config, {@code __EMPTY} for the empty subject) with 42208, and an empty name on
 * registering. This one refuses those everywhere, and also names over 255 characters: a subject is a topic name (at
 * most 249 characters in Kafka) and {@code -key} or {@code -value}, and a longer one could only be a mistake or an
 * attempt to fill the log.
 */
public final class SubjectNames {

    public static final int MAX_LENGTH = 255;
    private static final Set<String> RESERVED = Set.of("__GLOBAL", "__EMPTY");

    private SubjectNames() {
    }

    public static void check(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw RegistryException.invalidSubject("it is empty");
        }
        if (subject.length() > MAX_LENGTH) {
            throw RegistryException.invalidSubject("it is longer than " + MAX_LENGTH + " characters");
        }
        if (subject.chars().anyMatch(Character::isISOControl)) {
            throw RegistryException.invalidSubject("it contains control characters");
        }
        if (RESERVED.contains(subject)) {
            throw RegistryException.invalidSubject("the name is reserved");
        }
    }
}
