package se.stegvis.localstack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for personal data in bytes: names (as UTF-8, in any letter case) and identity numbers in every printed form
 * (YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDDNNNN, YYMMDD-NNNN). A number counts only where it stands alone, not as part of
 * a longer run of digits (a timestamp or an offset could hold any ten digits by chance; a number written out, in a
 * log line, a JSON value or an Avro string, stands alone).
 */
final class PiiScanner {

    record Hit(String value, String where) {
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![0-9])(?:[0-9]{6}|[0-9]{8})-?[0-9]{4}(?![0-9])");

    private final Set<String> numbers;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final List<Hit> hits = new ArrayList<>();
    private final Map<String, Long> bytesScanned = new LinkedHashMap<>();

    /** @param numbers every form of every number to find; {@code names} the names to find, in any case */
    PiiScanner(Set<String> numbers, Set<String> names) {
        this.numbers = Set.copyOf(numbers);
        names.forEach(name -> this.names.put(name.toLowerCase(Locale.ROOT), name));
    }

    /** @param kind what kind of source this is (topic, log, database), for the count of bytes scanned per kind */
    void scan(String kind, String where, byte[] data) {
        if (data == null || data.length == 0) {
            return;
        }
        bytesScanned.merge(kind, (long) data.length, Long::sum);
        Matcher number = NUMBER.matcher(new String(data, StandardCharsets.ISO_8859_1));
        while (number.find()) {
            if (numbers.contains(number.group())) {
                hits.add(new Hit(number.group(), where));
            }
        }
        String text = new String(data, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        names.forEach((lower, name) -> {
            if (text.contains(lower)) {
                hits.add(new Hit(name, where));
            }
        });
    }

    void scan(String kind, String where, String text) {
        scan(kind, where, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    Map<String, Long> bytesScanned() {
        return Map.copyOf(bytesScanned);
    }
}
