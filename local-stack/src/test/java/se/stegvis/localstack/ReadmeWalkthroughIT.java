package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root README's "Try it" block, run by bash as a reader pastes it, against the shared stack: the only change is
 * each {@code localhost:<default port>}, which becomes that component's address in the test stack. The block must
 * run to its end with {@code bash -e}, and every curl in it must be answered what the comment of its step says
 * ({@link ReadmeWalkthrough}: the status the comment starts with, else a 2xx); a few answers are checked for what the
 * comments promise besides. To see each answer, bash is given (through {@code BASH_ENV}, before the block) a
 * {@code curl} function that runs the real curl with {@code -q}, so no {@code ~/.curlrc} changes what it does, and
 * with a {@code --write-out} to stderr that names the block's line the call stands on and its status. It needs bash
 * and curl, and fails where either is missing (CI installs curl, see .ci/run).
 *
 * <p>It runs after EndToEndIT, whose exact figures of 23-073-S03 the walkthrough's enrolment there would change.
 */
@ExtendWith(SharedStack.class)
@Order(4)
class ReadmeWalkthroughIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final Pattern CALL = Pattern.compile("^\\[curl] line (\\d+): (\\d{3}) (.*)$");
    private static final String INSTRUMENTED_CURL = """
            # ReadmeWalkthroughIT: every curl the walkthrough runs says on stderr which of its lines it stands on and
            # what it was answered; -q first, so that no ~/.curlrc changes what it does.
            curl() {
              command curl -q -w "%{stderr}[curl] line ${BASH_LINENO[0]}: %{http_code} %{method} %{url_effective}\\n" "$@"
            }
            """;

    private record Run(int exit, String out, List<String> err) {
    }

    /** Before the stack is asked for: a machine without curl fails at once. */
    @BeforeAll
    static void curl_is_there(@TempDir Path directory) throws Exception {
        assertThat(run(directory, "has-curl.sh", "command -v curl", Map.of()).exit)
                .as("curl, which the README's walkthrough uses (Debian: apt-get install curl)").isZero();
    }

    @Test
    void the_try_it_block_runs_as_written_and_every_step_is_answered_as_its_comment_says(SharedStack.Running stack,
            @TempDir Path directory) throws Exception {
        ReadmeWalkthrough walkthrough = ReadmeWalkthrough.read(Files.readString(SharedStack.ROOT.resolve("README.md")));
        ServiceUrls urls = stack.urls();
        Map<String, String> urlByComponent = Map.of("registry", stack.registryUrl(), "issuer", stack.ports().issuer(),
                "participant", urls.participant(), "activity", urls.activity(), "outcome", urls.outcome(),
                "reporting", urls.reporting());
        String script = walkthrough.script(ReadmeWalkthrough.addresses(
                component -> URI.create(urlByComponent.get(component)).getAuthority()));
        Path instrumentedCurl = Files.writeString(directory.resolve("instrumented-curl.sh"), INSTRUMENTED_CURL);

        Run run = run(directory, "walkthrough.sh", script, Map.of("BASH_ENV", instrumentedCurl.toString()));

        System.out.printf("[ReadmeWalkthroughIT] stdout:%n%s%n[ReadmeWalkthroughIT] stderr:%n%s%n", run.out,
                String.join("\n", run.err));
        assertThat(run.exit).as("the exit status of the walkthrough, run with bash -e").isZero();
        List<String> wrong = new ArrayList<>();
        List<ReadmeWalkthrough.Step> called = new ArrayList<>();
        for (String line : run.err) {
            Matcher call = CALL.matcher(line);
            if (!call.matches()) {
                continue;
            }
            Optional<ReadmeWalkthrough.Step> step = walkthrough.stepAt(Integer.parseInt(call.group(1)));
            int status = Integer.parseInt(call.group(2));
            if (step.isEmpty()) {
                wrong.add(line + ": on no step of the walkthrough");
            } else if (!step.get().answers(status)) {
                wrong.add(call.group(3) + " answered " + status + ", but the comment of " + step.get().describe() + " says otherwise");
            }
            step.ifPresent(called::add);
        }
        assertThat(wrong).as("answers that are not what the walkthrough's comments say").isEmpty();
        assertThat(walkthrough.steps()).filteredOn(ReadmeWalkthrough.Step::callsCurl).as("steps that call curl, each run")
                .allSatisfy(step -> assertThat(called).as(step.describe()).contains(step));
        assertThat(run.out).as("what the comments promise besides a status")
                .contains("\"ageAtEntry\":26", "\"followUp\":\"UPON_LEAVING\"", "application/problem+json",
                        "stegvis.participants.v1-value");
    }

    /** The script, in a file of that name, run by {@code bash -e} in the directory with no input and the environment given. */
    private static Run run(Path directory, String name, String script, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path file = Files.writeString(directory.resolve(name), script);
        Path out = directory.resolve(name + ".stdout");
        Path err = directory.resolve(name + ".stderr");
        ProcessBuilder bash = new ProcessBuilder("bash", "-e", file.toString()).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // A proxy for the machine's way out would not reach the stack on loopback.
        bash.environment().keySet().removeIf(variable -> variable.equalsIgnoreCase("http_proxy")
                || variable.equalsIgnoreCase("https_proxy") || variable.equalsIgnoreCase("all_proxy"));
        bash.environment().putAll(environment);
        Process process = bash.start();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("bash did not finish within " + LIMIT + ":%n%s%n%s", Files.readString(out), Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }
}
