package io.tollgate.model.load;

import io.tollgate.model.networking.ClientTls;
import io.tollgate.model.networking.ConnectionPoolSettings;
import io.tollgate.model.networking.LoadBalancerSettings;
import io.tollgate.model.networking.PortTrafficPolicy;
import io.tollgate.model.networking.TrafficPolicy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Reads a DestinationRule {@code trafficPolicy} (of the rule or of a subset) and its port-level settings. */
final class TrafficPolicyParser {
    private TrafficPolicyParser() {
    }

    static TrafficPolicy trafficPolicy(MappingReader m) {
        Map<String, Object> other = new LinkedHashMap<>();
        keep(m, other, "outlierDetection", TrafficPolicyShapes.OUTLIER_DETECTION);
        keep(m, other, "tunnel", TrafficPolicyShapes.TUNNEL);
        keep(m, other, "proxyProtocol", TrafficPolicyShapes.PROXY_PROTOCOL);
        keep(m, other, "retryBudget", TrafficPolicyShapes.RETRY_BUDGET);
        return new TrafficPolicy(
                m.object("loadBalancer", TrafficPolicyParser::loadBalancer),
                m.object("connectionPool", TrafficPolicyParser::connectionPool),
                m.object("tls", TrafficPolicyParser::clientTls),
                m.objects("portLevelSettings", TrafficPolicyParser::portLevel),
                other,
                m.location());
    }

    private static PortTrafficPolicy portLevel(MappingReader m) {
        Map<String, Object> other = new LinkedHashMap<>();
        keep(m, other, "outlierDetection", TrafficPolicyShapes.OUTLIER_DETECTION);
        OptionalInt port = m.object("port", p -> p.port("number")).orElse(OptionalInt.empty());
        return new PortTrafficPolicy(port,
                m.object("loadBalancer", TrafficPolicyParser::loadBalancer),
                m.object("connectionPool", TrafficPolicyParser::connectionPool),
                m.object("tls", TrafficPolicyParser::clientTls),
                other,
                m.location());
    }

    private static LoadBalancerSettings loadBalancer(MappingReader m) {
        Map<String, Object> other = new LinkedHashMap<>();
        keep(m, other, "consistentHash", TrafficPolicyShapes.CONSISTENT_HASH);
        keep(m, other, "localityLbSetting", TrafficPolicyShapes.LOCALITY_LB_SETTING);
        keep(m, other, "zoneAwareLbSetting", TrafficPolicyShapes.ZONE_AWARE_LB_SETTING);
        keep(m, other, "warmup", TrafficPolicyShapes.WARMUP);
        keep(m, other, "warmupDurationSecs", Shape.DURATION);
        keep(m, other, "backendUtilization", TrafficPolicyShapes.BACKEND_UTILIZATION);
        return new LoadBalancerSettings(m.enumeration("simple", LoadBalancerSettings.Simple.class), other, m.location());
    }

    private static ConnectionPoolSettings connectionPool(MappingReader m) {
        return new ConnectionPoolSettings(
                m.object("tcp", t -> new ConnectionPoolSettings.Tcp(
                        t.integer("maxConnections", 0, Integer.MAX_VALUE).map(v -> OptionalInt.of(v.intValue()))
                                .orElse(OptionalInt.empty()),
                        t.duration("connectTimeout", true),
                        t.duration("maxConnectionDuration", true),
                        t.duration("idleTimeout", false),
                        t.object("tcpKeepalive", k -> new ConnectionPoolSettings.TcpKeepalive(
                                k.integer("probes", 0, 4_294_967_295L), k.duration("time", true),
                                k.duration("interval", true), k.location())),
                        t.location())),
                m.raw("http", TrafficPolicyShapes.HTTP_CONNECTION_POOL),
                m.location());
    }

    static ClientTls clientTls(MappingReader m) {
        return new ClientTls(
                m.enumeration("mode", ClientTls.Mode.class).orElse(ClientTls.Mode.DISABLE),
                m.string("clientCertificate"),
                m.string("privateKey"),
                m.string("caCertificates"),
                m.string("caCrl"),
                m.string("credentialName"),
                m.strings("subjectAltNames"),
                m.string("sni"),
                m.bool("insecureSkipVerify"),
                m.location());
    }

    private static void keep(MappingReader m, Map<String, Object> other, String key, Shape shape) {
        m.raw(key, shape).ifPresent(v -> other.put(key, v));
    }
}
