package se.stegvis.reporting.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.CATALOGUE;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.enrolled;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.entry;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.participant;
import static se.stegvis.reporting.indicators.domain.InventedParticipants.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class PartitionTest {

    @Test
    void the_partitions_of_the_catalogue_add_up_for_every_kind_of_participant() {
        List<ProjectedParticipant> participants = new ArrayList<>();
        String[] statuses = {"UNEMPLOYED", "LONG_TERM_UNEMPLOYED", "INACTIVE", "EMPLOYED"};
        String[] levels = {"ISCED_0_2", "ISCED_3_4", "ISCED_5_8"};
        int n = 0;
        for (String status : statuses) {
            for (String level : levels) {
                String id = "p" + n;
                participants.add(participant(id, enrolled(id, entry(Gender.values()[n++ % 4], 20 + n,
                        "labourMarketStatus", status, "educationLevel", level))));
            }
        }
        ProjectFigures figures = new IndicatorEngine(CATALOGUE).figures(project(List.of()), participants, InventedParticipants.TODAY);
        Map<String, IndicatorCount> byCode = figures.indicators().stream().collect(Collectors.toMap(IndicatorCount::code, c -> c));

        assertThat(CATALOGUE.partitions()).isNotEmpty();
        for (Partition partition : CATALOGUE.partitions()) {
            for (Gender gender : Gender.values()) {
                int parts = partition.parts().stream().mapToInt(part -> byCode.get(part).byGender().get(gender)).sum();
                assertThat(parts).as(partition + " for " + gender).isEqualTo(byCode.get(partition.whole()).byGender().get(gender));
            }
        }
    }
}
