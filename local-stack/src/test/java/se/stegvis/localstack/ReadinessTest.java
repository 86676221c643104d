package se.stegvis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void the_is_master_message_is_a_well_formed_op_msg() {
        ByteBuffer message = ByteBuffer.wrap(Readiness.isMasterMessage(7)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(message.getInt(0)).isEqualTo(message.capacity());
        assertThat(message.getInt(4)).isEqualTo(7);
        assertThat(message.getInt(12)).isEqualTo(2013);
        assertThat(message.get(20)).isZero();
        assertThat(message.getInt(21)).isEqualTo(message.capacity() - 21);
    }

    @Test
    void mongo_is_ready_when_a_mongo_wire_server_answers_and_not_before() throws IOException {
        MongoServer server = new MongoServer(H2Backend.inMemory());
        try {
            int port = server.bind().getPort();
            assertThat(Readiness.mongo(port).check()).isTrue();
        } finally {
            server.shutdownNow();
        }
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertThat(Readiness.mongo(silent.getLocalPort()).check()).isFalse();
        }
    }

    @Test
    void nothing_listening_is_not_ready() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(Readiness.http(port, "/readyz").check()).isFalse();
        assertThat(Readiness.mongo(port).check()).isFalse();
    }
}
