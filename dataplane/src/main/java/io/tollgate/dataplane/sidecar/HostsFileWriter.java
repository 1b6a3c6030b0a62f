package io.tollgate.dataplane.sidecar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the explicit listeners in a file in /etc/hosts format ({@code --hosts-file}), one line per host, so a
 * workload can resolve the registered names to the sidecar. Rewritten in place: a file bind-mounted over
 * /etc/hosts keeps its inode, so running processes see the change.
 */
final class HostsFileWriter {
    private static final Logger LOG = LoggerFactory.getLogger(HostsFileWriter.class);
    private final Optional<Path> file;

    HostsFileWriter(Optional<Path> file) {
        this.file = file;
    }

    /** The file's text: a comment, then {@code IP<TAB>HOST} for each host in name order. */
    static String render(List<OutboundListener> listeners) {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (OutboundListener listener : listeners) {
            hosts.putIfAbsent(listener.destination().host().text(), listener.address().getAddress().getHostAddress());
        }
        StringBuilder text = new StringBuilder("# Written by tollgate sidecar: registered hosts and the loopback"
                + " addresses its outbound listeners use.\n");
        hosts.forEach((host, address) -> text.append(address).append('\t').append(host).append('\n'));
        return text.toString();
    }

    /** At start: a file that cannot be written is an error the caller reports. */
    void write(List<OutboundListener> listeners) {
        try {
            store(listeners);
        } catch (IOException e) {
            throw new IllegalStateException("hosts file " + file.orElseThrow() + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** After an update: the routes are already in force, so a write failure is logged, not thrown. */
    void rewrite(List<OutboundListener> listeners) {
        try {
            store(listeners);
        } catch (IOException e) {
            LOG.error("sidecar: hosts file {}: cannot write ({}); it still lists the previous listeners",
                    file.orElseThrow(), e.getMessage());
        }
    }

    private void store(List<OutboundListener> listeners) throws IOException {
        if (file.isPresent()) {
            Files.writeString(file.get(), render(listeners), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        }
    }
}
