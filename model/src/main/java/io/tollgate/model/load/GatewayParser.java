package io.tollgate.model.load;

import io.tollgate.model.ObjectMeta;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.Port;
import io.tollgate.model.networking.Server;
import io.tollgate.model.networking.ServerTls;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a Gateway's {@code spec}, field by field as Istio's CRD defines it. A server without a port gets
 * port 0: the missing field is already reported, and validators treat 0 as "reported".
 */
final class GatewayParser {
    private GatewayParser() {
    }

    static Gateway parse(MappingReader spec, ObjectMeta meta) {
        return new Gateway(meta, spec.stringMap("selector"), spec.objects("servers", GatewayParser::server));
    }

    private static Server server(MappingReader m) {
        if (!m.has("port")) {
            m.missing("port");
        }
        Port port = m.object("port", p -> {
            if (!p.has("protocol")) {
                p.missing("protocol");
            }
            return ServiceEntryParser.port(p);
        }).orElseGet(() -> new Port(0, Optional.empty(), "", OptionalInt.empty(), m.location()));
        return new Server(port, m.strings("hosts"), m.object("tls", GatewayParser::tls), m.string("bind"),
                m.string("defaultEndpoint"), m.string("name"), m.location());
    }

    private static ServerTls tls(MappingReader m) {
        return new ServerTls(
                m.enumeration("mode", ServerTls.Mode.class).orElse(ServerTls.Mode.PASSTHROUGH),
                m.bool("httpsRedirect").orElse(false),
                m.string("serverCertificate"),
                m.string("privateKey"),
                m.string("caCertificates"),
                m.string("caCrl"),
                m.string("credentialName"),
                m.strings("credentialNames"),
                m.string("caCertCredentialName"),
                m.objects("tlsCertificates", c -> new ServerTls.TlsCertificate(c.string("serverCertificate"),
                        c.string("privateKey"), c.string("caCertificates"), c.location())),
                m.strings("subjectAltNames"),
                m.strings("verifyCertificateSpki"),
                m.strings("verifyCertificateHash"),
                m.enumeration("minProtocolVersion", ServerTls.TlsVersion.class).orElse(ServerTls.TlsVersion.TLS_AUTO),
                m.enumeration("maxProtocolVersion", ServerTls.TlsVersion.class).orElse(ServerTls.TlsVersion.TLS_AUTO),
                m.strings("cipherSuites"),
                m.strings("ecdhCurves"),
                m.bool("insecureSkipVerify").orElse(false),
                m.location());
    }
}
