package se.stegvis.reporting.indicators.adapter.out.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import se.stegvis.reporting.indicators.domain.IndicatorCatalogue;
import se.stegvis.reporting.indicators.domain.IndicatorDefinition;

/** The ESF+ report labels an indicator in Swedish where the catalogue says how, else as the catalogue labels it. */
class SwedishLabelTest {

    @Test
    void an_indicator_with_a_swedish_label_is_reported_by_it_and_one_without_by_its_label() {
        IndicatorCatalogue catalogue = JsonIndicatorCatalogue.read(new ByteArrayInputStream("""
                {"indicators": [
                  {"code": "participants", "label": "Participants", "labelSv": "Deltagare", "counts": {"everyone": true}},
                  {"code": "homeless", "label": "Homeless", "counts": {"entryAttribute": "homeless", "values": ["true"]}}
                ]}""".getBytes(StandardCharsets.UTF_8)));
        assertThat(catalogue.indicators()).extracting(IndicatorDefinition::reportLabel).containsExactly("Deltagare", "Homeless");
        assertThat(catalogue.indicators().get(0).label()).isEqualTo("Participants");
        assertThat(new IndicatorDefinition("x", "English", " ", null).reportLabel()).isEqualTo("English");
    }
}
