package io.tollgate.dataplane.observe;

import org.slf4j.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Where access-log lines go. Called on event-loop threads, once per connection, so sinks must be thread-safe and
 * quick.
 */
@FunctionalInterface
public interface AccessLog {

    void record(AccessLogEntry entry);

    /** One JSON line per connection to {@code writer}, flushed each time (a proxy's log is read live). */
    static AccessLog to(Writer writer) {
        return entry -> {
            String line = AccessLogJson.format(entry) + "\n";
            synchronized (writer) {
                try {
                    writer.write(line);
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the access log", e);
                }
            }
        };
    }

    /** One JSON line per connection at INFO on {@code logger}. */
    static AccessLog to(Logger logger) {
        return entry -> logger.info("{}", AccessLogJson.format(entry));
    }

    static AccessLog discard() {
        return entry -> {
        };
    }
}
