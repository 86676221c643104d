package se.stegvis.reporting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain client of a text/event-stream: reads it line by line on a thread of its own and keeps the events it
 * parsed and the comments it saw, until closed.
 */
final class EventStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * One client for every stream, speaking HTTP/1.1 as a browser's EventSource does to a plain-http server (no h2c
     * upgrade attempt), so connections are kept and reused as a browser's are: a response the server ended must not
     * spoil the next request on the same connection.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Event(String name, String data) {
        JsonNode json() {
            return JSON.readTree(data);
        }
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final AtomicInteger comments = new AtomicInteger();
    final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Opens the stream with the bearer token given, as the dashboard does. */
    static EventStream open(String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            return new EventStream(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("Could not open " + url, e);
        }
    }

    private void read() {
        String[] name = {null};
        StringBuilder data = new StringBuilder();
        try {
            response.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name[0] == null ? "message" : name[0], data.toString()));
                    }
                    name[0] = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring("data:".length()).stripLeading());
                }
            });
        } catch (RuntimeException closed) {
            // closed by the test or by the server
        }
    }

    @Override
    public void close() {
        response.body().close();
        try {
            reader.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
