package se.stegvis.localstack.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One activity to record. Its Idempotency-Key is fixed by the demo set and the person, so a second load answers with
 * the first one's id instead of recording it twice.
 *
 * @param mistaken recorded and then retracted, as staff do with a slip (a wrong day, a session that never happened)
 */
public record DemoActivity(String idempotencyKey, String type, LocalDate date, BigDecimal hours, boolean mistaken) {
}
