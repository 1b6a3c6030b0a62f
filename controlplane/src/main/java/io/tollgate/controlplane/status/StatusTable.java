package io.tollgate.controlplane.status;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link StatusReport} for {@code tollgate status}: the version in force, any refused candidate with
 * every diagnostic, then one row per proxy.
 *
 * <pre>
 * CONTROL PLANE  v3-1a2b3c4d
 * REJECTED       9f8e7d6c at 2025-01-01T10:00:00Z (version v3-1a2b3c4d stays in force)
 *   policies/deny.yaml:12: AuthorizationPolicy demo/deny: spec.action: must be ALLOW or DENY
 * PROXIES        2
 *
 * PROXY      KIND     NAMESPACE/SERVICE ACCOUNT  ACKED        SYNC    LAST NACK
 * gateway-1  GATEWAY  istio-system/egress        v3-1a2b3c4d  SYNCED  -
 * </pre>
 */
public final class StatusTable {
    private static final List<String> HEADER =
            List.of("PROXY", "KIND", "NAMESPACE/SERVICE ACCOUNT", "ACKED", "SYNC", "LAST NACK");

    private StatusTable() {
    }

    public static String render(StatusReport report) {
        StringBuilder out = new StringBuilder();
        out.append("CONTROL PLANE  ").append(report.controlPlaneVersion()).append('\n');
        report.rejection().ifPresent(rejected -> {
            out.append("REJECTED       ").append(rejected.contentHash()).append(" at ").append(rejected.attemptedAt())
                    .append(" (version ").append(report.controlPlaneVersion()).append(" stays in force)\n");
            rejected.diagnostics().forEach(d -> out.append("  ").append(d).append('\n'));
        });
        out.append("PROXIES        ").append(report.proxies().size()).append('\n');
        if (report.proxies().isEmpty()) {
            return out.toString();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ProxyStatus proxy : report.proxies()) {
            rows.add(List.of(proxy.id(), proxy.kind(), proxy.namespace() + "/" + proxy.serviceAccount(),
                    orDash(proxy.ackedVersion()), proxy.sync().name(), lastNack(proxy)));
        }
        out.append('\n');
        appendAligned(out, rows);
        return out.toString();
    }

    private static String lastNack(ProxyStatus proxy) {
        if (proxy.lastNackReason().isEmpty()) {
            return "-";
        }
        return proxy.lastNackVersion() + ": " + oneLine(proxy.lastNackReason());
    }

    /** A proxy's reason may span lines (a compiler's diagnostics); a table row may not. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " | ");
    }

    private static String orDash(String value) {
        return value.isEmpty() ? "-" : value;
    }

    private static void appendAligned(StringBuilder out, List<List<String>> rows) {
        int columns = HEADER.size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row.get(c));
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row.get(c).length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
