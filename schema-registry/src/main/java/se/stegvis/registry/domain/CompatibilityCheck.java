package se.stegvis.registry.domain;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Whether a candidate schema may follow the earlier ones under a compatibility level, decided by Avro's own
 * {@link SchemaCompatibility}. The answer is the list of problems, empty when compatible, worded like Confluent's.
 */
public final class CompatibilityCheck {

    private CompatibilityCheck() {
    }

    /** @param earlier the live versions, oldest first */
    public static List<String> problems(CompatibilityLevel level, Schema candidate, List<SchemaVersion> earlier) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<SchemaVersion> toCheck = newestFirst(earlier, level.transitive() ? earlier.size() : 1);
        for (SchemaVersion previous : toCheck) {
            List<String> problems = against(level, candidate, previous);
            if (!problems.isEmpty()) {
                problems.add("{compatibility: '%s'}".formatted(level));
                return problems;
            }
        }
        return List.of();
    }

    private static List<SchemaVersion> newestFirst(List<SchemaVersion> earlier, int count) {
        List<SchemaVersion> newest = new ArrayList<>();
        for (int i = earlier.size() - 1; i >= earlier.size() - count; i--) {
            newest.add(earlier.get(i));
        }
        return newest;
    }

    private static List<String> against(CompatibilityLevel level, Schema candidate, SchemaVersion previous) {
        Schema old = AvroSchema.parse(previous.schema()).parsed();
        List<String> problems = new ArrayList<>();
        if (level.backward()) {
            problems.addAll(readable(candidate, old, "new", "old"));
        }
        if (level.forward()) {
            problems.addAll(readable(old, candidate, "old", "new"));
        }
        if (!problems.isEmpty()) {
            problems.add("{oldSchemaVersion: %d}".formatted(previous.version()));
        }
        return problems;
    }

    private static List<String> readable(Schema reader, Schema writer, String readerName, String writerName) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()
                .stream().map(problem -> describe(problem, readerName, writerName)).toList();
    }

    private static String describe(Incompatibility problem, String reader, String writer) {
        return "{errorType:'%s', description:'The %s schema cannot read data written with the %s schema at path "
                + "'%s'', additionalInfo:'%s'}".formatted(problem.getType(), reader, writer, problem.getLocation(),
                problem.getMessage());
    }
}
