package se.stegvis.localstack;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** One probe of whether a component answers; {@link #check()} never throws, it answers false instead. */
@FunctionalInterface
public interface Readiness {

    Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    boolean check();

    /** A Kafka broker answers a describeCluster with at least one node. */
    static Readiness kafka(int port) {
        return () -> {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis()))) {
                return !admin.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
            } catch (Exception e) {
                return false;
            }
        };
    }

    /** A Mongo-wire server answers {@code isMaster} (an OP_MSG) with a reply to that request. */
    static Readiness mongo(int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) PROBE_TIMEOUT.toMillis());
                socket.setSoTimeout((int) PROBE_TIMEOUT.toMillis());
                int requestId = 1;
                OutputStream out = socket.getOutputStream();
                out.write(isMasterMessage(requestId));
                out.flush();
                byte[] header = new byte[16];
                new DataInputStream(socket.getInputStream()).readFully(header);
                ByteBuffer reply = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                return reply.getInt(0) > 16 && reply.getInt(8) == requestId;
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** An HTTP endpoint answers 200; a health endpoint (actuator's, or a service's /readyz) must also say UP. */
    static Readiness http(int port, String path) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(PROBE_TIMEOUT).GET().build();
        return () -> {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && (!saysHealth(path) || response.body().contains("\"UP\""));
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    private static boolean saysHealth(String path) {
        return path.endsWith("/health") || path.endsWith("/readyz") || path.endsWith("/livez");
    }

    /** OP_MSG (opcode 2013) with one body section: {@code {isMaster: 1, $db: "admin"}}. */
    static byte[] isMasterMessage(int requestId) {
        ByteBuffer document = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        document.putInt(0);
        document.put((byte) 0x10).put(cString("isMaster")).putInt(1);
        byte[] db = cString("admin");
        document.put((byte) 0x02).put(cString("$db")).putInt(db.length).put(db);
        document.put((byte) 0);
        int documentLength = document.position();
        document.putInt(0, documentLength);
        int length = 16 + 4 + 1 + documentLength;
        ByteBuffer message = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        message.putInt(length).putInt(requestId).putInt(0).putInt(2013);
        message.putInt(0).put((byte) 0).put(document.array(), 0, documentLength);
        return message.array();
    }

    private static byte[] cString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] terminated = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, terminated, 0, bytes.length);
        return terminated;
    }
}
