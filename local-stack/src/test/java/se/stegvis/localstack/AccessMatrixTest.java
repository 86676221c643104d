package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The table AccessMatrixIT checks the running system against, as docs/security.md holds it. */
class AccessMatrixTest {

    private final AccessMatrix matrix = AccessMatrix.read(SharedStack.ROOT.resolve("docs/security.md"));

    @Test
    void every_row_names_an_answer_for_nobody_for_each_refused_token_and_for_each_demo_identity() {
        assertThat(matrix.identities()).containsExactly(AccessMatrix.NONE, RefusedTokens.EXPIRED,
                RefusedTokens.OTHER_ISSUER, RefusedTokens.FORGED, "malmo-staff", "goteborg-staff", "ostra-staff",
                "malmo-owner", "integrator", "auditor", "admin");
        assertThat(matrix.rows()).hasSizeGreaterThan(20).allSatisfy(row -> {
            assertThat(row.expected().keySet()).containsExactlyElementsOf(matrix.identities());
            assertThat(row.expected().values()).allMatch(status -> status == 401 || status == 403 || status == 404
                    || status >= 200 && status < 300);
        });
    }

    @Test
    void nothing_answers_without_a_valid_token_and_no_global_role_alone_reads_a_participant() {
        assertThat(matrix.rows()).allSatisfy(row -> {
            assertThat(row.expected().get(AccessMatrix.NONE)).as(row.endpoint()).isEqualTo(401);
            for (String refused : RefusedTokens.KINDS) {
                assertThat(row.expected().get(refused)).as(row.endpoint() + " with a token " + refused).isEqualTo(401);
            }
        });
        assertThat(matrix.rows()).filteredOn(row -> row.path().contains("{participantId}") || row.path().contains("/participants"))
                .allSatisfy(row -> {
                    for (String role : new String[] {"integrator", "auditor", "admin", "malmo-owner", "goteborg-staff"}) {
                        assertThat(row.expected().get(role)).as(row.endpoint() + " as " + role).isIn(403, 404);
                    }
                });
    }

    @Test
    void a_row_with_a_missing_cell_is_refused_rather_than_read_as_allowed() {
        String broken = """
                <!-- access-matrix -->
                | service | method | path | none | admin |
                | --- | --- | --- | --- | --- |
                | participant | GET | /api/audit | 401 |
                <!-- /access-matrix -->
                """;
        assertThatThrownBy(() -> AccessMatrix.parse(broken)).isInstanceOf(IllegalArgumentException.class);
    }
}
