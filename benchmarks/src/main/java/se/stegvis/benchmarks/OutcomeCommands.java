package se.stegvis.benchmarks;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Records one EMPLOYED outcome per participant through outcome-service's HTTP API and notes when each 201 arrived,
 * in the order they arrived. Any other answer is counted and its body kept for the report.
 */
final class OutcomeCommands {

    private final String outcomeUrl;
    private final IntFunction<String> participantIds;
    private final Supplier<String> bearer;
    private final int first;
    private final AtomicLongArray acknowledged;
    private final AtomicLongArray answeredIn;
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile String lastRefusal = "";

    /** Commands for the participants numbered {@code first} to {@code first + count - 1}. */
    OutcomeCommands(String outcomeUrl, int first, int count) {
        this(outcomeUrl, index -> FreshnessParticipants.id(index).toString(), () -> BenchSignIn.bearer(BenchSignIn.STAFF), first, count);
    }

    /**
     * The same, for participants known by their place in a list ({@code participantIds}), sent with {@code bearer}'s
     * token: each left on {@link FreshnessParticipants#LEFT_ON}, so the outcome counts upon leaving.
     */
    OutcomeCommands(String outcomeUrl, IntFunction<String> participantIds, Supplier<String> bearer, int first, int count) {
        this.outcomeUrl = outcomeUrl;
        this.participantIds = participantIds;
        this.bearer = bearer;
        this.first = first;
        this.acknowledged = new AtomicLongArray(count);
        this.answeredIn = new AtomicLongArray(count);
    }

    void record(int index) throws Exception {
        long sent = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) URI.create(outcomeUrl + "/api/participants/"
                + participantIds.apply(first + index) + "/outcomes").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Authorization", bearer.get());
        byte[] body = FreshnessParticipants.outcome(first + index).getBytes(StandardCharsets.UTF_8);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        long now = System.nanoTime();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status == 201) {
                answeredIn.set(index, now - sent);
                acknowledged.set(acks.getAndIncrement(), now);
            } else {
                refused.incrementAndGet();
                lastRefusal = status + " " + answer;
            }
        }
    }

    /** The times of the 201s, earliest first. */
    long[] acknowledged() {
        long[] times = new long[acks.get()];
        for (int i = 0; i < times.length; i++) {
            times[i] = acknowledged.get(i);
        }
        Arrays.sort(times);
        return times;
    }

    /** From sending each command to reading its status line, in nanoseconds. */
    long[] answerTimes() {
        return java.util.stream.IntStream.range(0, answeredIn.length()).mapToLong(answeredIn::get).filter(t -> t > 0).toArray();
    }

    int refused() {
        return refused.get();
    }

    String lastRefusal() {
        return lastRefusal;
    }
}
