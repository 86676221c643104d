package se.stegvis.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

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

    private final String baseUrl;
    private final int clients;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    EnrolmentLoad(String baseUrl, int clients) {
        this.baseUrl = baseUrl;
        this.clients = clients;
    }

    Timing enrol(int firstPerson, int count) throws Exception {
        return run(count, i -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/projects/23-079-S13/participants"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body(firstPerson + i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("enrolment answered " + response.statusCode() + ": " + response.body());
            }
        });
    }

    Timing insert(List<Document> documents, MongoCollection<Document> collection) throws Exception {
        return run(documents.size(), i -> collection.insertOne(new Document(documents.get(i))));
    }

    private Timing run(int count, Call call) throws Exception {
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
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
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Timing(count, elapsed, latencies);
    }

    /** An invented person: a birth date and serial derived from the index, with a correct Luhn digit. */
    static String body(int person) {
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(person % 16_000);
        int serial = person / 16_000 % 1000;
        String nine = born.format(DateTimeFormatter.ofPattern("yyMMdd")) + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        String number = born.format(DateTimeFormatter.ofPattern("yyyyMMdd")) + "-" + String.format("%03d", serial) + (10 - sum % 10) % 10;
        return """
                {"person": {"personalIdentityNumber": "%s", "givenName": "Bänk", "familyName": "Mätning%d", "protection": "NONE"},
                 "enrolledOn": "2025-05-05", "targetGroup": "YOUNG_PEOPLE_AT_RISK", "gender": "%s", "labourMarketStatus": "INACTIVE",
                 "educationLevel": "ISCED_0_2", "disability": "NO", "minority": "DECLINED", "thirdCountryNational": false,
                 "foreignBackground": false, "homeless": false, "ruralArea": true}
                """.formatted(number, person, person % 2 == 0 ? "WOMAN" : "MAN");
    }

    @FunctionalInterface
    interface Call {
        void make(int index) throws Exception;
    }
}
