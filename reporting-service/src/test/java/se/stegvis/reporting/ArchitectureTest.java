package se.stegvis.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of CONVENTIONS.md: the indicator engine and the suppression are plain Java (no Spring, Kafka, Avro,
 * MongoDB or JSON library); the use cases know no adapter or framework, nor the event-consumer module (how current a
 * view is they learn through a port); inbound adapters reach the outbound ones only through the application's ports.
 */
@AnalyzeClasses(packages = "se.stegvis.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_plain_java = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "com.mongodb..", "org.bson..", "se.stegvis.events..", "se.stegvis.schemas..",
                    "tools.jackson..", "io.micrometer..", "..adapter..", "..application..");

    @ArchTest
    static final ArchRule use_cases_know_no_adapter_or_framework = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "org.springframework..", "com.mongodb..",
                    "org.bson..", "org.apache.kafka..", "org.apache.avro..", "se.stegvis.events..", "tools.jackson..",
                    "se.stegvis.consumer..");

    @ArchTest
    static final ArchRule inbound_adapters_do_not_call_outbound_ones = noClasses().that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out..");

    @ArchTest
    static final ArchRule the_web_layer_does_not_reach_into_messaging = noClasses().that().resideInAPackage("..adapter.in.web..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.in.messaging..");
}
