package se.stegvis.localstack.demo;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import se.stegvis.localstack.StackSettings;

/**
 * What the demo loads and where to. The services are found on the stack's ports ({@code stegvis.participant.port}
 * etc., as the launcher reads them), and so is the issuer it gets its tokens from ({@code stegvis.issuer.port}); the
 * demo's own options are {@code stegvis.demo.*}.
 *
 * <p>The demo's calendar ends on a fixed day, {@link #DEFAULT_AS_OF}, not on today: every date in it is then the same
 * on every run, so a second load sends the very requests of the first and the Idempotency-Keys answer them. Only a
 * clock earlier than that day moves the end back to today, since the services refuse dates in the future.
 */
public record DemoSettings(boolean loadWithStack, int participants, long seed, LocalDate asOf, URI participantService,
        URI activityService, URI outcomeService, URI reportingService, String issuer) {

    public static final String FLAG = "stegvis.demo";
    static final int DEFAULT_PARTICIPANTS = 300;
    static final long DEFAULT_SEED = 20240902L;
    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 1);
    /** The services' "today" (their stegvis.time-zone). */
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    public static DemoSettings from(Map<String, String> values) {
        return from(values, LocalDate.now(SWEDEN));
    }

    static DemoSettings from(Map<String, String> values, LocalDate today) {
        StackSettings stack = StackSettings.from(values);
        int participants = (int) StackSettings.parseLong(values, FLAG + ".participants", DEFAULT_PARTICIPANTS);
        if (participants < 1) {
            throw new IllegalArgumentException(FLAG + ".participants=" + participants + " must be at least 1");
        }
        LocalDate asOf = date(values, FLAG + ".as-of", DEFAULT_AS_OF);
        return new DemoSettings(Boolean.parseBoolean(values.getOrDefault(FLAG, "false").trim()), participants,
                StackSettings.parseLong(values, FLAG + ".seed", DEFAULT_SEED), asOf.isAfter(today) ? today : asOf,
                local(stack, "participant"), local(stack, "activity"), local(stack, "outcome"), local(stack, "reporting"),
                stack.issuerUrl());
    }

    private static URI local(StackSettings stack, String service) {
        return URI.create("http://127.0.0.1:" + stack.port(service));
    }

    private static LocalDate date(Map<String, String> values, String property, LocalDate fallback) {
        String value = values.get(property);
        try {
            return value == null ? fallback : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(property + "=" + value + " is not a date (YYYY-MM-DD)");
        }
    }
}
