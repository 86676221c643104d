package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How ReadmeWalkthroughIT reads the README's walkthrough: its steps, what each comment expects, its addresses. */
class ReadmeWalkthroughTest {

    private static final String README = """
            # Stegvis

            ## Try it

            ```bash
            token() { curl -s -u "$1:demo" localhost:8094/oauth2/token \\
                      | sed -E 's/x/y/'; }     # a token
            TOKEN=$(token malmo-staff)
            ID=$(curl -s localhost:8091/api/projects/P/participants -d '{
              "person": {} }' | sed -E 's/a/b/')
                                        # 201, {"participantId":"…"}
            curl -s -i localhost:8091/api/projects      # 401 problem+json: not signed in
            ```

            ```bash
            echo another block
            ```
            """;

    @Test
    void a_step_is_a_command_from_the_start_of_a_line_with_the_indented_lines_that_continue_or_comment_on_it() {
        ReadmeWalkthrough walkthrough = ReadmeWalkthrough.read(README);

        assertThat(walkthrough.lines()).hasSize(7).first().asString().startsWith("token() {");
        assertThat(walkthrough.steps()).extracting(ReadmeWalkthrough.Step::first).containsExactly(1, 3, 4, 7);
        assertThat(walkthrough.steps()).extracting(ReadmeWalkthrough.Step::last).containsExactly(2, 3, 6, 7);
        assertThat(walkthrough.steps()).extracting(ReadmeWalkthrough.Step::callsCurl).containsExactly(true, false, true, true);
        assertThat(walkthrough.stepAt(5)).hasValue(walkthrough.steps().get(2));
        assertThat(walkthrough.stepAt(8)).isEmpty();
    }

    @Test
    void a_comment_that_starts_with_a_status_expects_it_and_any_other_a_2xx() {
        ReadmeWalkthrough walkthrough = ReadmeWalkthrough.read(README);

        ReadmeWalkthrough.Step token = walkthrough.steps().get(0);
        ReadmeWalkthrough.Step enrolment = walkthrough.steps().get(2);
        ReadmeWalkthrough.Step unsigned = walkthrough.steps().get(3);
        assertThat(token.comment()).isEqualTo("a token");
        assertThat(token.answers(200)).isTrue();
        assertThat(token.answers(201)).isTrue();
        assertThat(token.answers(401)).isFalse();
        assertThat(enrolment.expectedStatus()).hasValue(201);
        assertThat(enrolment.answers(200)).isFalse();
        assertThat(unsigned.expectedStatus()).hasValue(401);
        assertThat(unsigned.command()).doesNotContain("#", "problem");
    }

    @Test
    void only_the_addresses_given_are_changed_and_an_unknown_one_is_refused() {
        ReadmeWalkthrough walkthrough = ReadmeWalkthrough.read(README);

        String script = walkthrough.script(Map.of(8094, "localhost:41094", 8091, "127.0.0.1:41091"));

        assertThat(script).contains("localhost:41094/oauth2/token", "127.0.0.1:41091/api/projects/P/participants",
                "127.0.0.1:41091/api/projects      # 401").doesNotContain(":8091", ":8094");
        assertThat(script.replace("localhost:41094", "localhost:8094").replace("127.0.0.1:41091", "localhost:8091"))
                .isEqualTo(String.join("\n", walkthrough.lines()) + "\n");
        assertThatThrownBy(() -> walkthrough.script(Map.of(8094, "localhost:41094")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("localhost:8091");
    }

    @Test
    void the_readme_has_the_walkthrough_and_every_step_that_calls_curl_is_answered_as_its_comment_says() throws IOException {
        ReadmeWalkthrough walkthrough = ReadmeWalkthrough.read(Files.readString(SharedStack.ROOT.resolve("README.md")));

        assertThat(walkthrough.steps()).filteredOn(ReadmeWalkthrough.Step::callsCurl).hasSizeGreaterThan(15);
        assertThat(walkthrough.steps()).extracting(step -> step.expectedStatus().orElse(0)).contains(201, 400, 401);
        assertThat(walkthrough.script(ReadmeWalkthrough.addresses(component -> "localhost:"
                + StackSettings.DEFAULT_PORTS.get(component)))).as("the walkthrough calls the stack's default ports only")
                .isEqualTo(String.join("\n", walkthrough.lines()) + "\n");
    }
}
