package se.stegvis.reporting.indicators.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.PROJECT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.stegvis.access.Caller;
import se.stegvis.access.GlobalRole;
import se.stegvis.access.ProjectRole;
import se.stegvis.access.Refused;
import se.stegvis.reporting.indicators.domain.IndicatorEngine;
import se.stegvis.reporting.indicators.domain.InventedParticipants;
import se.stegvis.service.command.NotFound;

/** Who may see which view and who may rebuild, decided in the use cases whichever way they are reached. */
class AccessRulesTest {

    private static final String OTHER = "98-000-OTHER";

    private final InMemoryStores stores = new InMemoryStores();
    private final WorkingState state = new WorkingState(stores, stores);
    private final IndicatorTally tally = new IndicatorTally(state, new IndicatorEngine(CATALOGUE), InventedParticipants.CLOCK);
    private final ReadIndicators read = new ReadIndicators(tally, CATALOGUE);

    {
        new IndicatorProjection(state, stores, stores, tally).apply(List.of(InventedParticipants.project(List.of())));
    }

    private static Caller member(String projectId, ProjectRole role) {
        return new Caller("member", Set.of(), Map.of(projectId, role));
    }

    private static Caller withRoles(GlobalRole... roles) {
        return new Caller("global", Set.of(roles), Map.of());
    }

    @Test
    void staff_and_owners_of_a_project_read_its_exact_figures_and_no_one_else_does() {
        assertThat(read.ofProject(member(PROJECT, ProjectRole.STAFF), PROJECT).project().projectId()).isEqualTo(PROJECT);
        assertThat(read.ofProject(member(PROJECT, ProjectRole.OWNER), PROJECT).project().projectId()).isEqualTo(PROJECT);
        for (Caller stranger : List.of(member(OTHER, ProjectRole.OWNER), member(OTHER, ProjectRole.STAFF),
                withRoles(GlobalRole.ADMIN, GlobalRole.AUDITOR, GlobalRole.INTEGRATOR), withRoles())) {
            assertThatThrownBy(() -> read.ofProject(stranger, PROJECT)).isInstanceOf(Refused.class);
        }
    }

    @Test
    void a_stranger_asking_for_an_unknown_project_is_refused_not_told_it_does_not_exist() {
        assertThatThrownBy(() -> read.ofProject(member(OTHER, ProjectRole.STAFF), "99-999-NONE")).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> read.ofProject(member("99-999-NONE", ProjectRole.STAFF), "99-999-NONE")).isInstanceOf(NotFound.class);
    }

    @Test
    void any_member_of_any_project_reads_and_follows_the_cross_project_view_and_global_roles_alone_do_not() {
        for (Caller member : List.of(member(OTHER, ProjectRole.STAFF), member(OTHER, ProjectRole.OWNER))) {
            assertThat(read.consolidated(member).projects()).hasSize(1);
            assertThatCode(() -> read.mayFollowConsolidated(member)).doesNotThrowAnyException();
        }
        for (Caller global : List.of(withRoles(GlobalRole.ADMIN), withRoles(GlobalRole.AUDITOR), withRoles(GlobalRole.INTEGRATOR),
                withRoles(GlobalRole.values()), withRoles())) {
            assertThatThrownBy(() -> read.consolidated(global)).isInstanceOf(Refused.class);
            assertThatThrownBy(() -> read.mayFollowConsolidated(global)).isInstanceOf(Refused.class);
        }
    }

    @Test
    void an_earlier_day_is_for_the_same_callers_as_today_and_a_stranger_is_refused_before_the_day_is_judged() {
        LocalDate earlier = InventedParticipants.TODAY.minusDays(30);
        LocalDate future = InventedParticipants.TODAY.plusDays(1);
        assertThat(read.ofProject(member(PROJECT, ProjectRole.STAFF), PROJECT, earlier).day()).isEqualTo(earlier);
        assertThat(read.ofProject(member(PROJECT, ProjectRole.OWNER), PROJECT, earlier).day()).isEqualTo(earlier);
        assertThat(read.consolidated(member(OTHER, ProjectRole.STAFF), earlier).day()).isEqualTo(earlier);
        for (LocalDate day : List.of(earlier, future)) {
            assertThatThrownBy(() -> read.ofProject(member(OTHER, ProjectRole.OWNER), PROJECT, day)).isInstanceOf(Refused.class);
            assertThatThrownBy(() -> read.consolidated(withRoles(GlobalRole.ADMIN, GlobalRole.AUDITOR), day)).isInstanceOf(Refused.class);
        }
    }

    @Test
    void only_an_admin_rebuilds_the_read_model_or_reads_its_progress() {
        RebuildProgress idle = RebuildProgress.NONE;
        int[] requested = {0};
        RebuildReadModel rebuild = new RebuildReadModel(new Replay() {
            @Override
            public RebuildProgress requestRebuild() {
                requested[0]++;
                return idle;
            }

            @Override
            public RebuildProgress progress() {
                return idle;
            }
        });
        for (Caller notAdmin : List.of(member(PROJECT, ProjectRole.OWNER), withRoles(GlobalRole.AUDITOR, GlobalRole.INTEGRATOR), withRoles())) {
            assertThatThrownBy(() -> rebuild.request(notAdmin)).isInstanceOf(Refused.class);
            assertThatThrownBy(() -> rebuild.progress(notAdmin)).isInstanceOf(Refused.class);
        }
        assertThat(requested[0]).isZero();
        assertThat(rebuild.request(withRoles(GlobalRole.ADMIN))).isEqualTo(idle);
        assertThat(rebuild.progress(withRoles(GlobalRole.ADMIN))).isEqualTo(idle);
        assertThat(requested[0]).isEqualTo(1);
    }
}
