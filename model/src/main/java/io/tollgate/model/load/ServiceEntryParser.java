package io.tollgate.model.load;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.networking.Port;
import io.tollgate.model.networking.Protocol;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.WorkloadEntry;
import io.tollgate.model.security.WorkloadSelector;

import java.util.Optional;
import java.util.OptionalInt;

/** Reads a ServiceEntry's {@code spec}, field by field as Istio's CRD defines it. */
final class ServiceEntryParser {
    private ServiceEntryParser() {
    }

    static ServiceEntry parse(MappingReader spec, ObjectMeta meta) {
        return new ServiceEntry(meta,
                spec.strings("hosts"),
                spec.strings("addresses"),
                spec.objects("ports", ServiceEntryParser::port),
                spec.enumeration("location", ServiceEntry.Location.class).orElse(ServiceEntry.Location.MESH_EXTERNAL),
                spec.enumeration("resolution", ServiceEntry.Resolution.class).orElse(ServiceEntry.Resolution.NONE),
                spec.objects("endpoints", ServiceEntryParser::endpoint),
                spec.object("workloadSelector", s -> new WorkloadSelector(s.stringMap("labels"))),
                spec.strings("exportTo"),
                spec.strings("subjectAltNames"));
    }

    /** A port as written in a ServiceEntry or a Gateway server; {@code protocol} is required only in a Gateway. */
    static Port port(MappingReader m) {
        OptionalInt number = m.port("number");
        if (!m.has("number")) {
            m.missing("number");
        }
        Optional<String> name = m.requiredString("name");
        Optional<Protocol> protocol = m.string("protocol").flatMap(text -> {
            Optional<Protocol> parsed = Protocol.parse(text);
            if (parsed.isEmpty() && !text.isEmpty()) {
                m.findings().error(m.path().field("protocol"), "unsupported protocol \"" + text
                        + "\", supported protocols are HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY, TCP, TLS, UDP, MONGO, REDIS, MYSQL");
            }
            return parsed;
        });
        OptionalInt targetPort = m.port("targetPort");
        return new Port(number.orElse(0), protocol, name.orElse(""), targetPort, m.location());
    }

    private static WorkloadEntry endpoint(MappingReader m) {
        return new WorkloadEntry(
                m.string("address").orElse(""),
                m.portMap("ports"),
                m.stringMap("labels"),
                m.string("network"),
                m.string("locality"),
                m.integer("weight", 0, 4_294_967_295L).orElse(0L),
                m.string("serviceAccount"),
                m.location());
    }
}
