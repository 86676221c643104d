package se.stegvis.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of who may call which endpoint, read from docs/security.md (between its {@code access-matrix} markers):
 * one row per endpoint, one expected status per identity.
 */
record AccessMatrix(List<String> identities, List<Row> rows) {

    static final String NONE = "none";
    private static final String START = "<!-- access-matrix -->";
    private static final String END = "<!-- /access-matrix -->";

    record Row(String service, String method, String path, Map<String, Integer> expected) {

        String endpoint() {
            return service + " " + method + " " + path;
        }

        /** Whether the row may change something: it is then sent against state made for that one request. */
        boolean changes() {
            return !method.equals("GET");
        }
    }

    static AccessMatrix read(Path securityDoc) {
        try {
            return parse(Files.readString(securityDoc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccessMatrix parse(String markdown) {
        int start = markdown.indexOf(START);
        int end = markdown.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("No " + START + " ... " + END + " table");
        }
        List<String[]> lines = markdown.substring(start + START.length(), end).lines()
                .map(String::strip).filter(line -> line.startsWith("|")).map(AccessMatrix::cells).toList();
        String[] header = lines.get(0);
        List<String> identities = Arrays.asList(header).subList(3, header.length);
        List<Row> rows = new ArrayList<>();
        for (String[] cells : lines.subList(2, lines.size())) {
            if (cells.length != header.length) {
                throw new IllegalArgumentException("A row of " + cells.length + " cells, not " + header.length + ": " + String.join(" | ", cells));
            }
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (int i = 0; i < identities.size(); i++) {
                expected.put(identities.get(i), Integer.parseInt(cells[3 + i]));
            }
            rows.add(new Row(cells[0], cells[1], cells[2], expected));
        }
        return new AccessMatrix(List.copyOf(identities), List.copyOf(rows));
    }

    private static String[] cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|")).map(String::strip).toArray(String[]::new);
    }
}
