package io.tollgate.model.validation;

import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.Port;
import io.tollgate.model.networking.Protocol;
import io.tollgate.model.networking.Server;
import io.tollgate.model.networking.ServerTls;

import java.util.HashSet;
import java.util.Set;

/** Istio's {@code ValidateGateway} and {@code validateServer} on the loaded record. */
public final class GatewayValidator {
    private static final FieldPath SERVERS = FieldPath.of("spec").field("servers");
    private static final String UNIX = "unix://";

    private GatewayValidator() {
    }

    public static void validate(Gateway gateway, Findings findings) {
        if (!gateway.meta().name().isEmpty() && !DnsNames.isLabel(gateway.meta().name())) {
            findings.error(FieldPath.of("metadata").field("name"), "invalid gateway name: \"" + gateway.meta().name()
                    + "\" (a gateway name must be a DNS label, without dots)");
        }
        if (gateway.servers().isEmpty()) {
            findings.error(SERVERS, "gateway must have at least one server");
        }
        Set<String> portNames = new HashSet<>();
        for (int i = 0; i < gateway.servers().size(); i++) {
            Server server = gateway.servers().get(i);
            FieldPath at = SERVERS.index(i);
            server(server, at, findings);
            Port port = server.port();
            if (!port.name().isEmpty() && !portNames.add(port.name())) {
                findings.error(at.field("port").field("name"), "port names in servers must be unique: duplicate name " + port.name());
            }
            boolean http = port.protocol().map(Protocol::isHttp).orElse(false);
            if (!http && server.tls().map(ServerTls::httpsRedirect).orElse(false)) {
                findings.warning(at.field("tls").field("httpsRedirect"), "tls.httpsRedirect should only be used with http servers");
            }
        }
    }

    private static void server(Server server, FieldPath at, Findings findings) {
        if (server.hosts().isEmpty()) {
            findings.error(at.field("hosts"), "server config must contain at least one host");
        }
        for (int h = 0; h < server.hosts().size(); h++) {
            for (String problem : GatewayHosts.problems(server.hosts().get(h))) {
                findings.error(at.field("hosts").index(h), problem);
            }
        }
        Port port = server.port();
        FieldPath portPath = at.field("port");
        if (port.targetPort().isPresent()) {
            findings.error(portPath.field("targetPort"), "targetPort has no impact on Gateways");
        }
        String bind = server.bind().orElse("");
        if (bind.startsWith(UNIX)) {
            String path = bind.substring(UNIX.length());
            if (path.isEmpty() || !(path.startsWith("/") || path.startsWith("@")) || path.endsWith("/")) {
                findings.error(at.field("bind"), path + " is not an absolute path to a file");
            }
        } else if (!bind.isEmpty() && !IpAddresses.isIp(bind)) {
            findings.error(at.field("bind"), bind + " is not a valid IP");
        }
        if (port.protocol().isPresent()) {
            Protocol protocol = port.protocol().get();
            if (protocol.isTls() && server.tls().isEmpty()) {
                findings.error(at, "server must have TLS settings for HTTPS/TLS protocols");
            } else if (!protocol.isTls() && server.tls().isPresent()) {
                ServerTls tls = server.tls().get();
                boolean redirectOnly = (tls.mode() == ServerTls.Mode.PASSTHROUGH || tls.mode() == ServerTls.Mode.AUTO_PASSTHROUGH)
                        && tls.caCertificates().isEmpty() && tls.privateKey().isEmpty() && tls.serverCertificate().isEmpty();
                if (!protocol.isHttp()) {
                    findings.error(at.field("tls"), "server cannot have TLS settings for non HTTPS/TLS ports");
                } else if (!redirectOnly) {
                    findings.error(at.field("tls"), "server cannot have TLS settings for plain text HTTP ports");
                }
            }
        }
        // After the protocol check: an error inside tls must not hide that the port cannot have tls at all.
        server.tls().ifPresent(tls -> ServerTlsRules.check(tls, at.field("tls"), findings));
        PortNaming.check(port, portPath, findings);
    }
}
