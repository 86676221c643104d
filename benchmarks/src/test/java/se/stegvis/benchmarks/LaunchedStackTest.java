package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher's children told apart by their command lines, as the CPU table and jcmd need them. */
class LaunchedStackTest {

    @Test
    void namesEachComponentByItsCommandLine() {
        assertThat(LaunchedStack.name("-Xmx512m -cp /a.jar:/b.jar kafka.Kafka /data/kafka-server.properties")).hasValue("Kafka");
        assertThat(LaunchedStack.name("-Xmx256m -cp /c se.stegvis.localstack.MongoWireServer 37017 /data/mongo/stegvis.mv")).hasValue("MongoDB");
        assertThat(LaunchedStack.name("-Xmx256m -jar /root/reporting-service/target/reporting-service-0.1.0-SNAPSHOT-exec.jar --server.port=1"))
                .hasValue("reporting-service");
        assertThat(LaunchedStack.name("-Xmx256m -jar /root/local-issuer/target/local-issuer-0.1.0-SNAPSHOT-exec.jar")).hasValue("local-issuer");
    }

    @Test
    void namesNothingElse() {
        assertThat(LaunchedStack.name("-cp /c kafka.tools.StorageTool format --standalone")).isEmpty();
        assertThat(LaunchedStack.name("")).isEmpty();
    }
}
