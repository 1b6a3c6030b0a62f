package io.tollgate.model.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Istio's Gateway rules (ValidateGateway, validateServer, validateTLSOptions), one case per rule. */
class GatewayValidatorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no servers               | servers: []                                                                              | ERROR spec.servers: gateway must have at least one server
            no hosts                 | servers: [{port: {number: 80, name: http, protocol: HTTP}}]                              | ERROR spec.servers[0].hosts: server config must contain at least one host
            short host               | servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [db]}]                 | ERROR spec.servers[0].hosts[0]: short names (non FQDN) are not allowed
            bad host namespace       | servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [Bad_ns/a.example.com]}] | ERROR spec.servers[0].hosts[0]: invalid namespace value "Bad_ns" in gateway
            partial wildcard host    | servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*a.example.com"]}]   | ERROR spec.servers[0].hosts[0]: partial wildcard "*a.example.com" not allowed
            missing protocol         | servers: [{port: {number: 80, name: http}, hosts: ["*"]}]                                | ERROR spec.servers[0].port.protocol: required field is missing
            target port              | servers: [{port: {number: 80, name: http, protocol: HTTP, targetPort: 8080}, hosts: ["*"]}] | ERROR spec.servers[0].port.targetPort: targetPort has no impact on Gateways
            TLS without tls          | servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"]}]                 | ERROR spec.servers[0]: server must have TLS settings for HTTPS/TLS protocols
            TCP with tls             | servers: [{port: {number: 3306, name: tcp, protocol: TCP}, hosts: ["*"], tls: {mode: SIMPLE}}] | ERROR spec.servers[0].tls: server cannot have TLS settings for non HTTPS/TLS ports
            HTTP with certificates   | servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"], tls: {mode: SIMPLE, serverCertificate: c, privateKey: k}}] | ERROR spec.servers[0].tls: server cannot have TLS settings for plain text HTTP ports
            duplicate port names     | servers: [{port: {number: 80, name: p, protocol: HTTP}, hosts: ["*"]}, {port: {number: 81, name: p, protocol: HTTP}, hosts: ["*"]}] | ERROR spec.servers[1].port.name: port names in servers must be unique: duplicate name p
            istio mutual with key    | servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: ISTIO_MUTUAL, privateKey: k}}] | ERROR spec.servers[0].tls.privateKey: ISTIO_MUTUAL TLS cannot have associated private key
            mutual without CA        | servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: MUTUAL, serverCertificate: c, privateKey: k}}] | ERROR spec.servers[0].tls.caCertificates: MUTUAL TLS requires a client CA bundle
            two certificate sources  | servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: a, serverCertificate: c, privateKey: k}}] | ERROR spec.servers[0].tls: only one of credentialName, credentialNames, serverCertificate/privateKey, tlsCertificates should be specified
            passthrough certificates | servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: PASSTHROUGH, credentialName: a}}] | WARNING spec.servers[0].tls: PASSTHROUGH mode does not use certificates, they will be ignored
            old TLS without ciphers  | servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: a, minProtocolVersion: TLSV1_1}}] | WARNING spec.servers[0].tls.minProtocolVersion: TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers.
            invalid cipher           | servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: a, cipherSuites: [NOPE]}}] | WARNING spec.servers[0].tls.cipherSuites: ignoring invalid cipher suites: [NOPE]
            redirect on TLS          | servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: a, httpsRedirect: true}}] | WARNING spec.servers[0].tls.httpsRedirect: tls.httpsRedirect should only be used with http servers
            bind not an IP           | servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"], bind: localhost}] | ERROR spec.servers[0].bind: localhost is not a valid IP
            bad tls mode             | servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: MTLS}}] | ERROR spec.servers[0].tls.mode: invalid value "MTLS", must be one of PASSTHROUGH, SIMPLE, MUTUAL, AUTO_PASSTHROUGH, ISTIO_MUTUAL, OPTIONAL_MUTUAL
            """)
    void rule(String name, String spec, String expected) {
        assertThat(Check.findings(Check.doc("networking.istio.io/v1", "Gateway", spec))).contains(expected);
    }
}
