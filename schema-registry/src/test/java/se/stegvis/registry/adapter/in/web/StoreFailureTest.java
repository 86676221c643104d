package se.stegvis.registry.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import se.stegvis.registry.application.RegistryCommands;
import se.stegvis.registry.application.SchemaLog;
import se.stegvis.registry.application.SchemaLogException;
import se.stegvis.registry.domain.CompatibilityLevel;
import se.stegvis.registry.domain.Lookup;
import se.stegvis.registry.domain.Registry;

/** When the log cannot be written the client gets Confluent's 5xx answer, and the registry is left as it was. */
class StoreFailureTest {

    private static final String BODY = "{\"schema\":\"\\\"string\\\"\"}";

    private final Registry registry = new Registry(CompatibilityLevel.BACKWARD);

    @Test
    void a_failed_write_is_a_50001_and_changes_nothing() throws Exception {
        MockMvc mvc = registryWhoseLog(entries -> {
            throw new SchemaLogException("Error while writing to the backend Kafka store", false, null);
        });

        mvc.perform(post("/subjects/people-value/versions").contentType(MediaTypes.V1_JSON).content(BODY))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaTypes.V1_JSON))
                .andExpect(jsonPath("$.error_code").value(50001));

        assertThat(registry.subjects(true)).isEmpty();
        assertThat(registry.nextId()).isEqualTo(1);
    }

    @Test
    void a_write_not_read_back_in_time_is_a_50002() throws Exception {
        MockMvc mvc = registryWhoseLog(entries -> {
            throw new SchemaLogException("Write to the Kafka store timed out", true, null);
        });

        mvc.perform(put("/config")
                        .contentType(MediaTypes.JSON).content("{\"compatibility\":\"FULL\"}"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.error_code").value(50002));

        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    private MockMvc registryWhoseLog(SchemaLog log) {
        RegistryCommands commands = new RegistryCommands(registry, log);
        Lookup lookup = new Lookup(registry);
        return MockMvcBuilders.standaloneSetup(new SubjectVersionsController(commands, lookup),
                        new ConfigController(commands, registry, lookup))
                .setControllerAdvice(new ConfluentErrors()).build();
    }
}
