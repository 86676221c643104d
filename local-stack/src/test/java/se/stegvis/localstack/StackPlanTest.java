package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackPlanTest {

    @TempDir
    Path root;

    private final JavaCommand java = new JavaCommand("/jdk/bin/java", List.of("-XX:+UseSerialGC"), "/cp/a.jar:/cp/b.jar");

    @Test
    void starts_kafka_mongo_the_registry_the_issuer_and_the_built_services_in_order_with_reporting_last() throws IOException {
        for (String module : List.of("schema-registry", "local-issuer", "participant-service", "activity-service",
                "outcome-service", "reporting-service")) {
            jar(module);
        }
        StackPlan plan = plan(Map.of());

        assertThat(plan.components()).extracting(StackComponent::name).containsExactly("Kafka", "MongoDB",
                "schema-registry", "local-issuer", "participant-service", "activity-service", "outcome-service",
                "reporting-service");
        assertThat(plan.skipped()).isEmpty();
        assertThat(plan.ports()).extracting(PortUse::port)
                .containsExactly(9092, 9093, 27017, 8081, 8094, 8091, 8191, 8092, 8192, 8093, 8193, 8090, 8190);
    }

    @Test
    void skips_a_service_whose_jar_has_not_been_built() throws IOException {
        jar("schema-registry");
        jar("participant-service");

        StackPlan plan = plan(Map.of());

        assertThat(plan.components()).extracting(StackComponent::name)
                .containsExactly("Kafka", "MongoDB", "schema-registry", "participant-service");
        assertThat(plan.skipped()).hasSize(4).first().asString()
                .startsWith("local-issuer: no local-issuer/target/local-issuer-0.1.0-SNAPSHOT-exec.jar");
        assertThat(plan.skipped().get(1))
                .startsWith("activity-service: no activity-service/target/activity-service-0.1.0-SNAPSHOT-exec.jar");
    }

    @Test
    void only_participant_service_gets_the_master_key_file_under_the_data_directory() throws IOException {
        jar("participant-service");
        StackComponent participant = component(plan(Map.of()), "participant-service");

        assertThat(participant.command()).anySatisfy(argument -> assertThat(argument)
                .startsWith("--stegvis.crypto.master-key-file=").endsWith("/data/keys/master.key"));
    }

    @Test
    void a_service_gets_its_port_and_the_addresses_of_kafka_mongo_and_the_registry() throws IOException {
        Path jar = jar("outcome-service");

        StackComponent outcome = component(plan(Map.of("stegvis.outcome.port", "18093", "stegvis.kafka.port", "19092",
                "stegvis.mongo.port", "37017", "stegvis.registry.port", "18081", "stegvis.issuer.port", "18094")),
                "outcome-service");

        assertThat(outcome.command()).containsExactly("/jdk/bin/java", "-Xmx256m", "-XX:+UseSerialGC",
                "-jar", jar.toString(), "--server.port=18093",
                "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
                "--spring.mongodb.uri=mongodb://127.0.0.1:37017/stegvis-outcome",
                "--stegvis.schema-registry.url=http://127.0.0.1:18081",
                "--management.health.mongodb.enabled=false",
                "--stegvis.kafka.instance-id=outcome-service.local",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:18094",
                "--management.server.port=18193",
                "--spring.config.import=file:" + root.resolve("data/keys/registry.properties"));
        assertThat(outcome.address()).isEqualTo("http://127.0.0.1:18093 (metrics: http://127.0.0.1:18193/actuator/prometheus)");
        assertThat(outcome.waitsFor()).isEqualTo("GET /readyz to answer 200");
        assertThat(outcome.ports()).extracting(PortUse::port).containsExactly(18093, 18193);
        assertThat(outcome.ports().get(1).property()).isEqualTo("stegvis.outcome.management.port");
    }

    @Test
    void the_issuer_names_itself_by_its_port_and_lets_the_dashboard_on_the_reporting_port_sign_in() throws IOException {
        Path jar = jar("local-issuer");

        StackComponent issuer = component(plan(Map.of("stegvis.issuer.port", "18094", "stegvis.reporting.port", "18090")),
                "local-issuer");

        assertThat(issuer.command()).containsExactly("/jdk/bin/java", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toString(), "--server.port=18094",
                "--stegvis.issuer.url=http://localhost:18094",
                "--stegvis.issuer.dashboard-redirect-uris=http://localhost:18090/",
                "--stegvis.issuer.allowed-origins=http://localhost:18090",
                "--stegvis.issuer.key-file=" + root.resolve("data/keys/issuer-key.json"));
        assertThat(issuer.waitsFor()).isEqualTo("GET /.well-known/openid-configuration to answer 200");
    }

    @Test
    void every_service_checks_tokens_against_the_local_issuer() throws IOException {
        for (String service : StackPlan.SERVICES) {
            jar(service + "-service");
        }

        StackPlan plan = plan(Map.of("stegvis.issuer.port", "18094"));

        for (String service : StackPlan.SERVICES) {
            assertThat(component(plan, service + "-service").command())
                    .contains("--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:18094");
        }
    }

    @Test
    void the_registry_and_every_service_import_the_registry_credential_from_the_data_directory() throws IOException {
        for (String module : List.of("schema-registry", "participant-service", "activity-service",
                "outcome-service", "reporting-service")) {
            jar(module);
        }
        String importCredentials = "--spring.config.import=file:" + root.resolve("data/keys/registry.properties");

        StackPlan plan = plan(Map.of());

        for (String name : List.of("schema-registry", "participant-service", "activity-service", "outcome-service",
                "reporting-service")) {
            assertThat(component(plan, name).command()).as(name).contains(importCredentials)
                    .noneMatch(argument -> argument.contains("user-info=") || argument.contains("users="));
        }
    }

    @Test
    void the_registry_credential_is_made_once_readable_by_the_owner_only_and_names_the_same_user_for_both_sides()
            throws IOException {
        Path file = root.resolve("data/keys/registry.properties");

        assertThat(RegistryCredentialsFile.ensure(file)).isTrue();
        String first = Files.readString(file);
        assertThat(RegistryCredentialsFile.ensure(file)).isFalse();

        assertThat(Files.readString(file)).isEqualTo(first);
        Properties properties = new Properties();
        properties.load(new StringReader(first));
        String userInfo = properties.getProperty("stegvis.schema-registry.user-info");
        assertThat(userInfo).startsWith(RegistryCredentialsFile.USER + ":").hasSizeGreaterThan(40);
        assertThat(properties.getProperty("stegvis.registry.users")).isEqualTo(userInfo);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        Path other = root.resolve("other/registry.properties");
        RegistryCredentialsFile.ensure(other);
        assertThat(Files.readString(other)).isNotEqualTo(first);
    }

    @Test
    void a_management_port_is_checked_like_any_other_port() throws IOException {
        jar("participant-service");
        jar("activity-service");

        StackPlan plan = plan(Map.of("stegvis.participant.management.port", "8092"));

        assertThat(PortCheck.firstProblem(plan.ports())).contains("Port 8092 is set for both participant-service management"
                + " and activity-service: set -Dstegvis.activity.port=... to another port");
    }

    @Test
    void the_registry_waits_on_its_configured_path() throws IOException {
        jar("schema-registry");

        assertThat(component(plan(Map.of()), "schema-registry").waitsFor()).isEqualTo("GET /subjects to answer 200");
        assertThat(component(plan(Map.of("stegvis.registry.ready-path", "/actuator/health")), "schema-registry").waitsFor())
                .isEqualTo("GET /actuator/health to answer 200");
    }

    @Test
    void kafka_and_mongo_run_on_the_launcher_class_path_with_their_data_under_the_data_dir() {
        StackPlan plan = plan(Map.of("stegvis.mongo.port", "37017"));

        assertThat(component(plan, "Kafka").command()).startsWith("/jdk/bin/java", "-Xmx512m")
                .containsSequence("-cp", "/cp/a.jar:/cp/b.jar", "kafka.Kafka", root.resolve("data/kafka-server.properties").toString());
        assertThat(component(plan, "MongoDB").command()).startsWith("/jdk/bin/java", "-Xmx2g")
                .endsWith(MongoWireServer.class.getName(), "37017", root.resolve("data/mongo/stegvis.mv").toString(), "768");
    }

    @Test
    void reporting_gets_a_gigabyte_for_its_read_model_and_the_other_services_a_quarter() throws IOException {
        for (String module : List.of("participant-service", "activity-service", "outcome-service", "reporting-service")) {
            jar(module);
        }

        StackPlan plan = plan(Map.of());

        assertThat(component(plan, "reporting-service").command())
                .startsWith("/jdk/bin/java", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=100", "-jar");
        for (String module : List.of("participant-service", "activity-service", "outcome-service")) {
            assertThat(component(plan, module).command()).as(module).startsWith("/jdk/bin/java", "-Xmx256m", "-XX:+UseSerialGC", "-jar");
        }
    }

    @Test
    void the_mongo_wire_server_and_reporting_choose_their_own_collector_in_place_of_the_common_one() throws IOException {
        jar("reporting-service");

        StackPlan plan = plan(Map.of());

        for (String name : List.of("MongoDB", "reporting-service")) {
            assertThat(component(plan, name).command()).as(name).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
        }
        assertThat(component(plan, "Kafka").command()).contains("-XX:+UseSerialGC").doesNotContain("-XX:+UseG1GC");
    }

    private StackPlan plan(Map<String, String> overrides) {
        Map<String, String> values = new java.util.HashMap<>(overrides);
        values.put("stegvis.root", root.toString());
        StackSettings settings = StackSettings.from(values);
        return StackPlan.of(settings, java, new KafkaBroker(settings, java));
    }

    private static StackComponent component(StackPlan plan, String name) {
        return plan.components().stream().filter(component -> component.name().equals(name)).findFirst().orElseThrow();
    }

    private Path jar(String module) throws IOException {
        Path jar = StackPlan.executableJar(root, module);
        Files.createDirectories(jar.getParent());
        return Files.writeString(jar, "not really a jar");
    }
}
