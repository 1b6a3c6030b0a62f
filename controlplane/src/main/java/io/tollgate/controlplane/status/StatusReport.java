package io.tollgate.controlplane.status;

import java.util.List;
import java.util.Optional;

/**
 * The answer to {@code tollgate status}: the version in force, the last refused candidate if it is newer than
 * that version, and every connected proxy.
 *
 * @param controlPlaneVersion the version proxies are being brought to
 * @param generatedAt         ISO-8601 instant of the report
 * @param lastRejected        null when the newest candidate was accepted
 * @param proxies             connected proxies, ordered by namespace then id
 */
public record StatusReport(String controlPlaneVersion, String generatedAt, RejectedConfig lastRejected,
                           List<ProxyStatus> proxies) {
    public StatusReport {
        proxies = proxies == null ? List.of() : List.copyOf(proxies);
    }

    public Optional<RejectedConfig> rejection() {
        return Optional.ofNullable(lastRejected);
    }
}
