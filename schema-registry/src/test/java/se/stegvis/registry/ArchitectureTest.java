package se.stegvis.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("se.stegvis.registry");

    @Test
    void the_domain_knows_nothing_of_spring_kafka_jackson_or_the_adapters() {
        noClasses().that().resideInAPackage("..registry.domain..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "tools.jackson..",
                        "com.fasterxml..", "..registry.adapter..", "..registry.application..")
                .check(classes);
    }

    @Test
    void the_application_layer_knows_no_framework_and_no_adapter() {
        noClasses().that().resideInAPackage("..registry.application..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "..registry.adapter..")
                .check(classes);
    }

    @Test
    void the_web_adapter_does_not_reach_into_kafka() {
        noClasses().that().resideInAPackage("..adapter.in.web..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "..adapter.out..").check(classes);
    }
}
