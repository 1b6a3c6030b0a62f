package io.tollgate.bench.harness;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HaproxyConfigTest {
    private static final Upstreams UPSTREAMS = new Upstreams(
            new Destination(Upstreams.ECHO_HOST, new InetSocketAddress("127.0.0.1", 1001)),
            new Destination(Upstreams.IPERF_HOST, new InetSocketAddress("127.0.0.1", 1002)),
            new Destination(Upstreams.MYSQL_HOST, new InetSocketAddress("127.0.0.1", 1003)));
    private static final Pki PKI = new Pki(Path.of("/run/pki"));

    @Test
    void theUriSanIsMatchedAsItsDerEncoding() {
        // Tag [6], length 48, then the URI: the bytes openssl writes for URI:spiffe://... in subjectAltName.
        assertThat(HaproxyConfig.uriSanDerHex(Pki.SIDECAR_ID)).isEqualTo("8630"
                + "7370696666653A2F2F636C75737465722E6C6F63616C2F6E732F64656D6F2D7365727665722F73612F64656661756C74");
        assertThat(HaproxyConfig.uriSanDerHex("spiffe://" + "a".repeat(191))).startsWith("8681C8");
        assertThat(HaproxyConfig.uriSanDerHex("spiffe://" + "a".repeat(300))).startsWith("86820135");
    }

    @Test
    void theGatewayRequiresACertificateChecksTheIdentityAndRoutesOnlyKnownSnis() {
        String config = HaproxyConfig.gateway(PKI, 2000, UPSTREAMS, Pki.SIDECAR_ID, 9000);
        assertThat(config).contains("nbthread 1").contains("maxconn 9000")
                .contains("verify required").contains("ciphersuites TLS_AES_128_GCM_SHA256").contains("curves X25519")
                .contains("tcp-request content reject unless { ssl_c_der,hex -m sub 8630")
                .contains("use_backend mysql if { ssl_fc_sni -i " + Upstreams.MYSQL_HOST + " }")
                .contains("server upstream 127.0.0.1:1003")
                .doesNotContainPattern("(?m)^\\s*default_backend").doesNotContainPattern("(?m)^\\s*log ");
    }

    @Test
    void theSidecarOriginatesMtlsWithItsCertificateAndOneListenerNeverResumes() {
        String config = HaproxyConfig.sidecar(PKI, new HaproxyConfig.SidecarPorts(3001, 3002, 3003, 3004), 2000, UPSTREAMS, 9000);
        assertThat(config).contains("bind 127.0.0.1:3003").contains("crt /run/pki/sidecar.pem")
                .contains("sni str(" + Upstreams.MYSQL_HOST + ")").contains("ssl-min-ver TLSv1.3");
        assertThat(config.lines().filter(line -> line.contains("no-ssl-reuse")).toList())
                .singleElement().asString().contains("gateway 127.0.0.1:2000");
        assertThat(config).doesNotContainPattern("(?m)^\\s*log ");
    }
}
