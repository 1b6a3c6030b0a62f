package io.tollgate.policy.route;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stable, readable text form of the route tables, one line per decision, for {@code tollgate} explain commands,
 * logs and the compiler's golden files. Destinations are printed sorted; a gateway listener's routes in the order
 * it tries them. Every line ends without trailing blanks, so the text compares exactly.
 */
public final class RouteTableText {
    private RouteTableText() {
    }

    /**
     * <pre>
     * outbound REGISTRY_ONLY
     * route rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com:3306 (demo-server/vs)
     *   weight 100 -> istio-egressgateway.istio-system.svc.cluster.local:13306 STATIC [127.0.0.1:13306] tls ISTIO_MUTUAL sni=... lb ROUND_ROBIN
     * refuse other.example.com:5432: why
     * </pre>
     */
    public static String render(SidecarRoutes table) {
        List<String> lines = new ArrayList<>();
        lines.add("outbound " + table.outboundPolicy());
        for (HostPort destination : table.registered()) {
            table.route(destination).ifPresentOrElse(route -> {
                lines.add("route " + destination + " (" + route.origin() + ")");
                for (WeightedUpstream weighted : route.upstreams()) {
                    lines.add("  weight " + weighted.weight() + " -> " + upstream(weighted.upstream()));
                }
            }, () -> lines.add("refuse " + destination + ": " + table.refusal(destination).orElseThrow()));
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * <pre>
     * listener 13306
     *   sni * -> rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com:3306 TCP DNS [rm-...:3306] (demo-server/vs)
     * </pre>
     */
    public static String render(GatewayRoutes table) {
        List<String> lines = new ArrayList<>();
        for (GatewayListener listener : table.listenersInPortOrder()) {
            lines.add("listener " + listener.port() + (listener.routes().isEmpty() ? " (no routes: refuses every connection)" : ""));
            for (GatewayRoute route : listener.routes()) {
                lines.add("  sni " + route.sni() + " -> " + target(route.target()) + " (" + route.origin() + ")");
            }
        }
        if (lines.isEmpty()) {
            lines.add("no listeners");
        }
        return String.join("\n", lines) + "\n";
    }

    /** {@code host:port RESOLUTION [endpoints] tls ... lb ...}. */
    public static String upstream(Upstream upstream) {
        return upstream.authority() + " " + addresses(upstream.resolution(), upstream.dialEndpoints())
                + " tls " + tls(upstream.tls()) + " lb " + upstream.loadBalancer();
    }

    /** {@code host:port PROTOCOL RESOLUTION [endpoints]}. */
    public static String target(RouteTarget target) {
        return target.authority() + " " + target.protocol() + " " + addresses(target.resolution(), target.dialEndpoints());
    }

    private static String addresses(Resolution resolution, List<Endpoint> endpoints) {
        if (resolution == Resolution.NONE) {
            return "NONE (original destination)";
        }
        return resolution + " " + endpoints.stream().map(Endpoint::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String tls(UpstreamTls tls) {
        return switch (tls) {
            case UpstreamTls.Disabled ignored -> "DISABLE";
            case UpstreamTls.IstioMutual mutual -> "ISTIO_MUTUAL"
                    + mutual.sni().map(sni -> " sni=" + sni).orElse("")
                    + (mutual.subjectAltNames().isEmpty() ? "" : " san=" + String.join(",", mutual.subjectAltNames()));
        };
    }
}
