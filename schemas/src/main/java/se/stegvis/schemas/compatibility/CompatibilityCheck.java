package se.stegvis.schemas.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

import se.stegvis.schemas.EventTopic;

/**
 * Guards the event contract in the build: every topic's current value schema must be BACKWARD compatible with the
 * last released version of its subject (a consumer on the new schema reads everything written with the old one),
 * checked with Avro's own {@link SchemaCompatibility} rules, the same ones the registry applies.
 *
 * <p>Released versions live in {@code src/main/released/<subject>/v<N>.avsc}. {@code check} fails on an
 * incompatible change or on a released subject that disappeared; {@code release} records every changed schema
 * as the subject's next version.
 */
public final class CompatibilityCheck {

    private final Path releasedDirectory;

    public CompatibilityCheck(Path releasedDirectory) {
        this.releasedDirectory = releasedDirectory;
    }

    public static void main(String[] args) {
        if (args.length != 2 || !List.of("check", "release").contains(args[0])) {
            throw new IllegalArgumentException("usage: CompatibilityCheck check|release <released-schemas-directory>");
        }
        CompatibilityCheck check = new CompatibilityCheck(Path.of(args[1]));
        Map<String, Schema> current = currentSubjects();
        if (args[0].equals("release")) {
            check.release(current).forEach(line -> System.out.println("[schemas] released " + line));
            return;
        }
        List<String> problems = check.problems(current);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Event contract is not BACKWARD compatible with its released versions:\n  "
                    + String.join("\n  ", problems));
        }
        System.out.println("[schemas] " + current.size() + " subjects are BACKWARD compatible with their released versions");
    }

    /** The current value schema of every topic, by subject. */
    public static Map<String, Schema> currentSubjects() {
        return Arrays.stream(EventTopic.values()).collect(Collectors.toMap(
                EventTopic::valueSubject, EventTopic::valueSchema, (a, b) -> a, LinkedHashMap::new));
    }

    /** What is wrong with the current schemas against the released ones; empty when the change is compatible. */
    public List<String> problems(Map<String, Schema> current) {
        List<String> problems = new ArrayList<>();
        for (String subject : releasedSubjects()) {
            Optional<Schema> released = lastReleased(subject);
            Schema now = current.get(subject);
            if (now == null) {
                problems.add(subject + ": was released but no topic has this subject any more");
            } else if (released.isPresent()) {
                problems.addAll(incompatibilities(subject, now, released.get()));
            }
        }
        return problems;
    }

    /** Records every schema that differs from its last released version as the subject's next version. */
    public List<String> release(Map<String, Schema> current) {
        List<String> written = new ArrayList<>();
        current.forEach((subject, schema) -> {
            Optional<Schema> released = lastReleased(subject);
            if (released.isPresent() && released.get().equals(schema)) {
                return;
            }
            Path file = releasedDirectory.resolve(subject).resolve("v" + (lastVersion(subject) + 1) + ".avsc");
            write(file, schema.toString(true) + "\n");
            written.add(subject + " as " + file);
        });
        return written;
    }

    /**
     * Avro reports a changed union branch only as "reader union lacking writer type"; for a topic's union the check
     * pairs the branches by name, so the message names the event and the field that broke.
     */
    private static List<String> incompatibilities(String subject, Schema reader, Schema writer) {
        if (reader.getType() != Schema.Type.UNION || writer.getType() != Schema.Type.UNION) {
            return describe(subject, SchemaCompatibility.checkReaderWriterCompatibility(reader, writer));
        }
        List<String> problems = new ArrayList<>();
        for (Schema writtenEvent : writer.getTypes()) {
            Schema readingEvent = reader.getTypes().stream()
                    .filter(branch -> branch.getFullName().equals(writtenEvent.getFullName())).findFirst().orElse(null);
            if (readingEvent == null) {
                problems.add(subject + ": MISSING_UNION_BRANCH: " + writtenEvent.getFullName() + " was removed from the topic");
            } else {
                problems.addAll(describe(subject + ": " + writtenEvent.getName(),
                        SchemaCompatibility.checkReaderWriterCompatibility(readingEvent, writtenEvent)));
            }
        }
        return problems;
    }

    private static List<String> describe(String what, SchemaPairCompatibility result) {
        return result.getResult().getIncompatibilities().stream()
                .map(i -> what + ": " + i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .toList();
    }

    Optional<Schema> lastReleased(String subject) {
        int version = lastVersion(subject);
        if (version == 0) {
            return Optional.empty();
        }
        Path file = releasedDirectory.resolve(subject).resolve("v" + version + ".avsc");
        return Optional.of(new Schema.Parser().parse(read(file)));
    }

    private int lastVersion(String subject) {
        Path directory = releasedDirectory.resolve(subject);
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("v\\d+\\.avsc"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.length() - ".avsc".length())))
                    .max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> releasedSubjects() {
        if (!Files.isDirectory(releasedDirectory)) {
            return List.of();
        }
        try (Stream<Path> directories = Files.list(releasedDirectory)) {
            return directories.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
