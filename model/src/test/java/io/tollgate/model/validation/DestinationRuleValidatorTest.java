package io.tollgate.model.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Istio's DestinationRule rules (ValidateDestinationRule, validateTrafficPolicy, ValidateTLS), one case per rule. */
class DestinationRuleValidatorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no host                 | subsets: [{name: a}]                                                        | ERROR spec.host: required field is missing
            bad host                | host: "db_1.example.com"                                                    | ERROR spec.host: domain name "db_1.example.com" invalid (label "db_1" invalid)
            empty traffic policy    | {host: a.example.com, trafficPolicy: {}}                                    | ERROR spec.trafficPolicy: traffic policy must have at least one field
            empty connection pool   | {host: a.example.com, trafficPolicy: {connectionPool: {}}}                  | ERROR spec.trafficPolicy.connectionPool: connection pool must have at least one field
            simple and hash         | {host: a.example.com, trafficPolicy: {loadBalancer: {simple: RANDOM, consistentHash: {useSourceIp: true}}}} | ERROR spec.trafficPolicy.loadBalancer: only one of simple or consistentHash can be set
            tunnel and proxy proto  | {host: a.example.com, trafficPolicy: {tunnel: {targetHost: a.b, targetPort: 1}, proxyProtocol: {version: V1}}} | ERROR spec.trafficPolicy: tunnel and proxyProtocol must not be set together
            port level without port | {host: a.example.com, trafficPolicy: {portLevelSettings: [{tls: {mode: ISTIO_MUTUAL}}]}} | ERROR spec.trafficPolicy.portLevelSettings[0].port: portTrafficPolicy must have valid port
            port level empty        | {host: a.example.com, trafficPolicy: {portLevelSettings: [{port: {number: 1}}]}} | ERROR spec.trafficPolicy.portLevelSettings[0]: port traffic policy must have at least one field
            mutual without cert     | {host: a.example.com, trafficPolicy: {tls: {mode: MUTUAL}}}                 | ERROR spec.trafficPolicy.tls.clientCertificate: client certificate required for mutual tls
            credential and certs    | {host: a.example.com, trafficPolicy: {tls: {mode: SIMPLE, credentialName: c, caCertificates: ca}}} | ERROR spec.trafficPolicy.tls.credentialName: cannot specify client certificates or CA certificate or CA CRL if credentialName is set
            skip verify with CA     | {host: a.example.com, trafficPolicy: {tls: {mode: SIMPLE, insecureSkipVerify: true, caCertificates: ca}}} | ERROR spec.trafficPolicy.tls.insecureSkipVerify: cannot specify caCertificates or credentialName or subjectAltNames when insecureSkipVerify is set true
            duplicate subsets       | {host: a.example.com, subsets: [{name: a}, {name: a}]}                      | ERROR spec.subsets[1].name: duplicate subset names: a
            bad subset name         | {host: a.example.com, subsets: [{name: a.b}]}                               | ERROR spec.subsets[0].name: subset name is invalid: a.b
            bad subset label        | {host: a.example.com, subsets: [{name: a, labels: {"-x": y}}]}               | ERROR spec.subsets[0].labels[-x]: invalid label key "-x": must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit
            local origin w/o split  | {host: a.example.com, trafficPolicy: {outlierDetection: {consecutiveLocalOriginFailures: 3}}} | ERROR spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures: outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false
            deprecated errors       | {host: a.example.com, trafficPolicy: {outlierDetection: {consecutiveErrors: 3}}} | WARNING spec.trafficPolicy.outlierDetection.consecutiveErrors: outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead
            percent out of range    | {host: a.example.com, trafficPolicy: {outlierDetection: {maxEjectionPercent: 101}}} | ERROR spec.trafficPolicy.outlierDetection.maxEjectionPercent: must be an integer from 0 to 100, got 101
            selector exported away  | {host: a.example.com, workloadSelector: {matchLabels: {app: a}}, exportTo: ["*"]} | ERROR spec.exportTo: destination rule with workload selector cannot have exportTo beyond current namespace
            wildcard selector       | {host: a.example.com, workloadSelector: {matchLabels: {app: "a*"}}}         | ERROR spec.workloadSelector.matchLabels.app: wildcard is not supported in selector: "app=a*"
            exportTo tilde          | {host: a.example.com, exportTo: ["~"]}                                      | ERROR spec.exportTo[0]: exportTo ~ (none) is not allowed for Istio configuration objects
            """)
    void rule(String name, String spec, String expected) {
        assertThat(Check.findings(Check.doc("networking.istio.io/v1", "DestinationRule", spec))).contains(expected);
    }
}
