package io.tollgate.bench.harness;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The HAProxy chain's two configurations. Equalised with the Tollgate arm: one thread per process, no logging,
 * TLS 1.3 only with TLS_AES_128_GCM_SHA256, the run's ECDSA P-256 certificates, key exchange X25519 (pinned on the
 * gateway; HAProxy 2.6 has no {@code curves} on server lines, and OpenSSL's client offers X25519 first anyway).
 * The sidecar verifies the gateway's certificate against the SNI it sends (HAProxy's {@code verifyhost} applies
 * only without SNI, and HAProxy cannot check a URI SAN), so the gateway's certificate lists the routed hosts.
 */
final class HaproxyConfig {
    private static final String TLS = "ssl-min-ver TLSv1.3 ssl-max-ver TLSv1.3 ciphersuites TLS_AES_128_GCM_SHA256";

    /** The sidecar's plaintext listeners, one per upstream, plus a MySQL listener whose mTLS hop never resumes. */
    record SidecarPorts(int echo, int iperf, int mysql, int mysqlFullHandshake) {
    }

    private HaproxyConfig() {
    }

    static String gateway(Pki pki, int port, Upstreams upstreams, String admittedId, int maxConnections) {
        return global(maxConnections)
                + "frontend gateway\n"
                + "    bind 127.0.0.1:" + port + " ssl crt " + pki.pem(Pki.Identity.GATEWAY) + " ca-file "
                + pki.caCertificate() + " verify required " + TLS + " curves X25519\n"
                + "    # The identity is the URI SAN. HAProxy 2.6 has no fetch for SANs, so look for the SAN entry\n"
                + "    # itself in the client certificate's DER: tag [6] (0x86), length, then the URI's bytes.\n"
                + "    tcp-request content reject unless { ssl_c_der,hex -m sub " + uriSanDerHex(admittedId) + " }\n"
                + route("echo", upstreams.echo())
                + route("iperf", upstreams.iperf())
                + route("mysql", upstreams.mysql())
                + "    # No default_backend: an SNI without a route is closed, so this is not an open proxy.\n"
                + backend("echo", upstreams.echo())
                + backend("iperf", upstreams.iperf())
                + backend("mysql", upstreams.mysql());
    }

    static String sidecar(Pki pki, SidecarPorts ports, int gatewayPort, Upstreams upstreams, int maxConnections) {
        return global(maxConnections)
                + outbound("echo", ports.echo(), pki, gatewayPort, upstreams.echo().host(), "")
                + outbound("iperf", ports.iperf(), pki, gatewayPort, upstreams.iperf().host(), "")
                + outbound("mysql", ports.mysql(), pki, gatewayPort, upstreams.mysql().host(), "")
                + outbound("mysql_full", ports.mysqlFullHandshake(), pki, gatewayPort, upstreams.mysql().host(),
                " no-ssl-reuse");
    }

    /** The DER encoding of a uniformResourceIdentifier GeneralName ([6] IMPLICIT IA5String), in upper-case hex. */
    static String uriSanDerHex(String uri) {
        byte[] value = uri.getBytes(StandardCharsets.US_ASCII);
        String length = value.length < 0x80 ? String.format("%02X", value.length)
                : value.length <= 0xff ? String.format("81%02X", value.length)
                : String.format("82%04X", value.length);
        return "86" + length + HexFormat.of().withUpperCase().formatHex(value);
    }

    private static String global(int maxConnections) {
        // No "log" line anywhere: logging is off, as in every arm's timed trials.
        return "global\n"
                + "    nbthread 1\n"
                + "    maxconn " + maxConnections + "\n"
                + "    ssl-server-verify required\n"
                + "defaults\n"
                + "    mode tcp\n"
                + "    timeout connect 5s\n"
                + "    timeout client 10m\n"
                + "    timeout server 10m\n";
    }

    private static String route(String backend, Destination destination) {
        return "    use_backend " + backend + " if { ssl_fc_sni -i " + destination.host() + " }\n";
    }

    private static String backend(String name, Destination destination) {
        return "backend " + name + "\n"
                + "    server upstream " + destination.address().getHostString() + ":" + destination.address().getPort() + "\n";
    }

    private static String outbound(String name, int port, Pki pki, int gatewayPort, String sni, String extra) {
        return "frontend out_" + name + "\n"
                + "    bind 127.0.0.1:" + port + "\n"
                + "    default_backend gateway_" + name + "\n"
                + "backend gateway_" + name + "\n"
                + "    server gateway 127.0.0.1:" + gatewayPort + " ssl crt " + pki.pem(Pki.Identity.SIDECAR)
                + " ca-file " + pki.caCertificate() + " verify required sni str(" + sni + ") " + TLS + extra + "\n";
    }
}
