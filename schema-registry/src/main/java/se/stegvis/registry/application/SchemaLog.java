package se.stegvis.registry.application;

import java.util.List;

import se.stegvis.registry.domain.LogEntry;

/** The durable log the registry's state is built from. */
public interface SchemaLog {

    /**
     * Appends the entries and returns only once the registry has applied them, so a caller that reads next sees its
     * own write. Fails with {@link SchemaLogException} when the log cannot be written or read back in time.
     */
    void append(List<LogEntry> entries);
}
