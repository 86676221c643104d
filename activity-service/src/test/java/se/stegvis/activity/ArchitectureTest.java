package se.stegvis.activity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of CONVENTIONS.md: the domain knows nothing of Spring, Kafka, Avro or MongoDB; use cases know no
 * adapter, and not the shared replica either (they reach it through their own Participations port).
 */
@AnalyzeClasses(packages = "se.stegvis.activity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_plain_java = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "com.mongodb..", "org.bson..", "se.stegvis.events..", "se.stegvis.outbox..",
                    "se.stegvis.replica..", "tools.jackson..", "..adapter..", "..application..");

    @ArchTest
    static final ArchRule use_cases_know_no_adapter_or_framework = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "org.springframework..", "com.mongodb..",
                    "org.apache.kafka..", "org.apache.avro..", "se.stegvis.events..", "se.stegvis.replica..");

    @ArchTest
    static final ArchRule adapters_do_not_call_each_other_across_directions = noClasses().that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out..");
}
