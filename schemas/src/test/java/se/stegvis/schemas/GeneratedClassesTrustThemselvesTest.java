package se.stegvis.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import se.stegvis.events.EntryData;
import se.stegvis.events.ParticipantEnrolled;

/**
 * Avro 1.12 refuses to load untrusted classes by name. The generated classes trust their own package on load, so
 * plain Avro use of them works in a JVM where nothing else of Stegvis ran: checked in a fresh JVM, since trust is
 * JVM-wide and another test may already have granted it here.
 */
class GeneratedClassesTrustThemselvesTest {

    @Test
    void builders_deep_copies_and_specific_readers_work_in_a_fresh_jvm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                PlainAvroUse.class.getName()).redirectErrorStream(true).start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("plain Avro use of the generated classes works");
    }

    /** Runs in the fresh JVM: no serde, no EventTopic, only the generated classes and Avro. */
    public static final class PlainAvroUse {
        public static void main(String[] args) throws IOException {
            EntryData copy = EntryData.newBuilder(SampleEvents.entryData()).build();
            ParticipantEnrolled event = SampleEvents.enrolled();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<ParticipantEnrolled>(ParticipantEnrolled.class).write(event, encoder);
            encoder.flush();
            ParticipantEnrolled read = new SpecificDatumReader<>(ParticipantEnrolled.class)
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
            if (!read.equals(event) || !copy.equals(SampleEvents.entryData())) {
                throw new IllegalStateException("round trip changed the event");
            }
            System.out.println("plain Avro use of the generated classes works");
        }
    }
}
