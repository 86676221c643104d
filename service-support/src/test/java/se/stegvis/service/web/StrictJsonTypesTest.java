package se.stegvis.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTypesTest {

    enum Gender { WOMAN, MAN }

    record Body(String number, int count, double hours, boolean flag, Gender gender, LocalDate date) {
    }

    private static final String VALID = "{\"number\": \"19900101-1239\", \"count\": 3, \"hours\": 1.5, \"flag\": true, "
            + "\"gender\": \"MAN\", \"date\": \"2025-02-03\"}";

    private final JsonMapper strict = builder().build();

    private static JsonMapper.Builder builder() {
        JsonMapper.Builder builder = JsonMapper.builder();
        StrictJsonTypes.strict(builder);
        return builder;
    }

    @Test
    void values_of_the_fields_own_types_are_read_and_a_whole_number_is_a_decimal() {
        assertThat(strict.readValue(VALID, Body.class))
                .isEqualTo(new Body("19900101-1239", 3, 1.5, true, Gender.MAN, LocalDate.of(2025, 2, 3)));
        assertThat(strict.readValue(VALID.replace("1.5", "2"), Body.class).hours()).isEqualTo(2.0);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
            "number | 199001011239",
            "number | 1.5",
            "number | true",
            "count  | 1.7",
            "count  | \"3\"",
            "count  | true",
            "hours  | \"1.5\"",
            "hours  | false",
            "flag   | 1",
            "flag   | 0.0",
            "flag   | \"true\"",
            "gender | 0",
            "gender | 1.0",
            "gender | true",
            "date   | 20250203",
            "date   | 2025.5",
    })
    void a_value_of_another_json_type_is_refused_at_its_field(String field, String json) {
        String body = VALID.replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + json);
        assertThat(body).as("the test's own spoiling").isNotEqualTo(VALID);

        assertThatThrownBy(() -> strict.readValue(body, Body.class)).isInstanceOf(DatabindException.class)
                .satisfies(e -> assertThat(((DatabindException) e).getPath().get(0).getPropertyName()).isEqualTo(field));
    }

    @Test
    void jacksons_defaults_would_have_taken_them() {
        JsonMapper lenient = JsonMapper.builder().build();

        Body read = lenient.readValue("{\"number\": 199001011239, \"count\": \"3\", \"hours\": \"1.5\", \"flag\": \"true\", "
                + "\"gender\": 0, \"date\": \"2025-02-03\"}", Body.class);

        assertThat(read).isEqualTo(new Body("199001011239", 3, 1.5, true, Gender.WOMAN, LocalDate.of(2025, 2, 3)));
    }
}
