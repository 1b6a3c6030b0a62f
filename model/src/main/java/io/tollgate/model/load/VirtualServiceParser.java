package io.tollgate.model.load;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.networking.Destination;
import io.tollgate.model.networking.HttpRoute;
import io.tollgate.model.networking.L4Match;
import io.tollgate.model.networking.RouteDestination;
import io.tollgate.model.networking.TcpRoute;
import io.tollgate.model.networking.TlsMatch;
import io.tollgate.model.networking.TlsRoute;
import io.tollgate.model.networking.VirtualService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a VirtualService's {@code spec}. TCP and TLS routes are read in full; HTTP routes only to the level of their
 * own fields (Tollgate does not route HTTP, but a misspelt top-level field is still caught).
 */
final class VirtualServiceParser {
    private static final List<String> HTTP_ROUTE_FIELDS = List.of("name", "match", "route", "redirect",
            "directResponse", "delegate", "rewrite", "timeout", "retries", "fault", "mirror", "mirrors",
            "mirrorPercent", "mirror_percent", "mirrorPercentage", "corsPolicy", "headers");

    private VirtualServiceParser() {
    }

    static VirtualService parse(MappingReader spec, ObjectMeta meta) {
        return new VirtualService(meta,
                spec.strings("hosts"),
                spec.strings("gateways"),
                spec.objects("http", VirtualServiceParser::http),
                spec.objects("tls", VirtualServiceParser::tls),
                spec.objects("tcp", VirtualServiceParser::tcp),
                spec.strings("exportTo"));
    }

    private static HttpRoute http(MappingReader m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String key : HTTP_ROUTE_FIELDS) {
            m.raw(key, Shape.ANY).ifPresent(v -> fields.put(key, v));
        }
        return new HttpRoute(fields, m.location());
    }

    private static TcpRoute tcp(MappingReader m) {
        return new TcpRoute(m.objects("match", VirtualServiceParser::l4Match),
                m.objects("route", VirtualServiceParser::routeDestination), m.location());
    }

    private static TlsRoute tls(MappingReader m) {
        return new TlsRoute(m.objects("match", VirtualServiceParser::tlsMatch),
                m.objects("route", VirtualServiceParser::routeDestination), m.location());
    }

    private static L4Match l4Match(MappingReader m) {
        return new L4Match(m.strings("destinationSubnets"), m.port("port"), m.stringMap("sourceLabels"),
                m.strings("gateways"), m.string("sourceNamespace"), m.string("sourceSubnet"), m.location());
    }

    private static TlsMatch tlsMatch(MappingReader m) {
        return new TlsMatch(m.strings("sniHosts"), m.strings("destinationSubnets"), m.port("port"),
                m.stringMap("sourceLabels"), m.strings("gateways"), m.string("sourceNamespace"), m.location());
    }

    private static RouteDestination routeDestination(MappingReader m) {
        if (!m.has("destination")) {
            m.missing("destination");
        }
        Destination destination = m.object("destination", d -> new Destination(
                        d.requiredString("host").orElse(""),
                        d.string("subset"),
                        d.object("port", p -> p.port("number")).orElse(OptionalInt.empty()),
                        d.location()))
                .orElseGet(() -> new Destination("", Optional.empty(), OptionalInt.empty(), m.location()));
        int weight = m.integer("weight", Integer.MIN_VALUE, Integer.MAX_VALUE).map(Long::intValue).orElse(0);
        return new RouteDestination(destination, weight, m.location());
    }
}
