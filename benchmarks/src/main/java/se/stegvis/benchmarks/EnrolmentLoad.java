package se.stegvis.benchmarks;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

import se.stegvis.access.Caller;
import se.stegvis.access.ProjectRole;
import se.stegvis.participant.participants.application.EnrolParticipant;
import se.stegvis.participant.participants.domain.EntryData.DeclarableAnswer;
import se.stegvis.participant.participants.domain.EntryData.EducationLevel;
import se.stegvis.participant.participants.domain.EntryData.Gender;
import se.stegvis.participant.participants.domain.EntryData.LabourMarketStatus;
import se.stegvis.participant.participants.domain.EntryFacts;
import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;
import se.stegvis.participant.participants.domain.Protection;

/** Drives enrolments over HTTP, or plain inserts, from a fixed number of concurrent clients, timing each call. */
final class EnrolmentLoad {

    record Timing(int count, long elapsedNanos, long[] latenciesNanos) {
        double perSecond() {
            return count / (elapsedNanos / 1e9);
        }

        double percentileMillis(double p) {
            long[] sorted = latenciesNanos.clone();
            java.util.Arrays.sort(sorted);
            return sorted[(int) Math.round(p / 100 * (sorted.length - 1))] / 1e6;
        }
    }

    static final String HTTP_PROJECT = "23-079-S13";
    static final String DIRECT_PROJECT = "23-069-S06";
    /** Whom the use case is called as: STAFF of the direct project, as the API's caller would be. */
    static final Caller DIRECT_CALLER = new Caller(BenchSignIn.STAFF, Set.of(), Map.of(DIRECT_PROJECT, ProjectRole.STAFF));

    private final String baseUrl;
    private final int clients;

    EnrolmentLoad(String baseUrl, int clients) {
        this.baseUrl = baseUrl;
        this.clients = clients;
    }

    Timing enrol(int firstPerson, int count) throws Exception {
        URL url = URI.create(baseUrl + "/api/projects/" + HTTP_PROJECT + "/participants").toURL();
        return run(count, i -> {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Authorization", BenchSignIn.bearer(BenchSignIn.STAFF));
            byte[] body = body(firstPerson + i).getBytes(StandardCharsets.UTF_8);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (status != 201) {
                    throw new IllegalStateException("enrolment answered " + status + ": " + answer);
                }
            }
        });
    }

    /**
     * The same enrolments through the application's use case, called in the service's JVM: everything but HTTP and
     * JSON (validation, sealing, fingerprints, the one write with its outbox entry, the relay's wake-up). Into
     * another project, so these participants are not mistaken for the HTTP ones.
     */
    Timing direct(EnrolParticipant useCase, int firstPerson, int count) throws Exception {
        return run(count, i -> {
            int person = firstPerson + i;
            useCase.enrol(DIRECT_CALLER, DIRECT_PROJECT, new PersonalData(PersonalIdentityNumber.parse(identityNumber(person)), "Bänk", "Mätning" + person,
                    Protection.NONE), new EntryFacts(LocalDate.of(2025, 5, 5), "YOUNG_PEOPLE_AT_RISK", person % 2 == 0 ? Gender.WOMAN : Gender.MAN,
                    LabourMarketStatus.INACTIVE, EducationLevel.ISCED_0_2, DeclarableAnswer.NO, DeclarableAnswer.DECLINED, false, false,
                    false, true), null);
        });
    }

    Timing insert(List<Document> documents, MongoCollection<Document> collection) throws Exception {
        return run(documents.size(), i -> collection.insertOne(new Document(documents.get(i))));
    }

    private Timing run(int count, Call call) throws Exception {
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        call.make(i);
                        latencies[i] = System.nanoTime() - begin;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return new Timing(count, System.nanoTime() - start, latencies);
        } finally {
            pool.shutdownNow();
        }
    }

    /** An invented person: a birth date and serial derived from the index, with a correct Luhn digit. */
    static String identityNumber(int person) {
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(person % 16_000);
        int serial = person / 16_000 % 1000;
        String nine = born.format(DateTimeFormatter.ofPattern("yyMMdd")) + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return born.format(DateTimeFormatter.ofPattern("yyyyMMdd")) + "-" + String.format("%03d", serial) + (10 - sum % 10) % 10;
    }

    static String body(int person) {
        return """
                {"person": {"personalIdentityNumber": "%s", "givenName": "Bänk", "familyName": "Mätning%d", "protection": "NONE"},
                 "enrolledOn": "2025-05-05", "targetGroup": "YOUNG_PEOPLE_AT_RISK", "gender": "%s", "labourMarketStatus": "INACTIVE",
                 "educationLevel": "ISCED_0_2", "disability": "NO", "minority": "DECLINED", "thirdCountryNational": false,
                 "foreignBackground": false, "homeless": false, "ruralArea": true}
                """.formatted(identityNumber(person), person, person % 2 == 0 ? "WOMAN" : "MAN");
    }

    @FunctionalInterface
    interface Call {
        void make(int index) throws Exception;
    }
}
