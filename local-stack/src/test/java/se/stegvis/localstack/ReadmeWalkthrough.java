package se.stegvis.localstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bash block of the root README's "Try it" section, read as its reader reads it: steps, each a command that starts
 * at the beginning of a line, with the indented lines that continue it or comment on it. A comment that starts with a
 * status ({@code # 201, …}, {@code # 400 problem+json …}) says what the step's own calls are answered; any other says
 * they succeed (2xx).
 */
record ReadmeWalkthrough(List<String> lines, List<Step> steps) {

    static final String SECTION = "## Try it";
    private static final String START = "```bash";
    private static final String END = "```";
    private static final Pattern COMMENT = Pattern.compile("(?:^|\\s)#\\s?(.*)$");
    private static final Pattern STATUS = Pattern.compile("^\\s*([1-5]\\d\\d)\\b");
    private static final Pattern CURL = Pattern.compile("(?:^|[\\s(;|])curl\\s");
    private static final Pattern LOCALHOST = Pattern.compile("localhost:(\\d+)(?!\\d)");

    /** Lines {@code first} to {@code last} of the block (1-based, both included) and what their comments say. */
    record Step(int first, int last, String command, String comment) {

        /** The status the comment starts with, if it starts with one. */
        OptionalInt expectedStatus() {
            Matcher status = STATUS.matcher(comment);
            return status.find() ? OptionalInt.of(Integer.parseInt(status.group(1))) : OptionalInt.empty();
        }

        boolean answers(int status) {
            OptionalInt expected = expectedStatus();
            return expected.isPresent() ? status == expected.getAsInt() : status >= 200 && status < 300;
        }

        boolean callsCurl() {
            return CURL.matcher(command).find();
        }

        boolean contains(int line) {
            return line >= first && line <= last;
        }

        String describe() {
            return "lines " + first + "-" + last + " (" + (comment.isBlank() ? command.lines().findFirst().orElse("") : comment) + ")";
        }
    }

    static ReadmeWalkthrough read(String readme) {
        int section = readme.indexOf("\n" + SECTION + "\n");
        if (section < 0) {
            throw new IllegalArgumentException("No section " + SECTION);
        }
        int start = readme.indexOf("\n" + START + "\n", section);
        if (start < 0) {
            throw new IllegalArgumentException("No " + START + " block in " + SECTION);
        }
        int from = start + START.length() + 2;
        int end = readme.indexOf("\n" + END + "\n", from - 1);
        List<String> lines = readme.substring(from, end + 1).lines().toList();
        return new ReadmeWalkthrough(lines, steps(lines));
    }

    private static List<Step> steps(List<String> lines) {
        List<Step> steps = new ArrayList<>();
        int first = -1;
        for (int i = 0; i <= lines.size(); i++) {
            boolean starts = i == lines.size() || !lines.get(i).isEmpty() && !Character.isWhitespace(lines.get(i).charAt(0));
            if (starts && first >= 0) {
                steps.add(step(lines, first, i - 1));
            }
            if (starts) {
                first = i;
            }
        }
        return List.copyOf(steps);
    }

    private static Step step(List<String> lines, int first, int last) {
        StringBuilder command = new StringBuilder();
        List<String> comments = new ArrayList<>();
        for (String line : lines.subList(first, last + 1)) {
            Matcher comment = COMMENT.matcher(line);
            if (comment.find()) {
                comments.add(comment.group(1).strip());
                line = line.substring(0, comment.start());
            }
            command.append(line).append('\n');
        }
        return new Step(first + 1, last + 1, command.toString(), String.join(" ", comments));
    }

    /** Each component the walkthrough may call, by the default port it names it with ({@link #script}): its address. */
    static Map<Integer, String> addresses(Function<String, String> addressOfComponent) {
        Map<Integer, String> addresses = new HashMap<>();
        for (String component : List.of("registry", "issuer", "participant", "activity", "outcome", "reporting")) {
            addresses.put(StackSettings.DEFAULT_PORTS.get(component), addressOfComponent.apply(component));
        }
        return Map.copyOf(addresses);
    }

    /** The step the block's line (1-based) stands in. */
    Optional<Step> stepAt(int line) {
        return steps.stream().filter(step -> step.contains(line)).findFirst();
    }

    /**
     * The block with every {@code localhost:<port>} given its address ({@code host:port}) by its port, and nothing
     * else changed.
     *
     * @throws IllegalArgumentException for an address whose port is not one of those given
     */
    String script(Map<Integer, String> addressByPort) {
        Matcher address = LOCALHOST.matcher(String.join("\n", lines) + "\n");
        StringBuilder script = new StringBuilder();
        while (address.find()) {
            String replacement = addressByPort.get(Integer.parseInt(address.group(1)));
            if (replacement == null) {
                throw new IllegalArgumentException("The walkthrough calls " + address.group() + ", which is none of "
                        + addressByPort.keySet());
            }
            address.appendReplacement(script, Matcher.quoteReplacement(replacement));
        }
        return address.appendTail(script).toString();
    }
}
