/**
 * The transactional outbox: pending events stored in the aggregate's own MongoDB document, written in the same
 * single-document update as its new state ({@link se.stegvis.outbox.Outbox}), and a relay that publishes them to
 * Kafka and removes exactly the acknowledged ones ({@link se.stegvis.outbox.OutboxRelay}).
 */
package se.stegvis.outbox;
