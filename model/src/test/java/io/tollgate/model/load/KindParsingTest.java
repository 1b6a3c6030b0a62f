package io.tollgate.model.load;

import io.tollgate.model.ResourceSet;
import io.tollgate.model.networking.ClientTls;
import io.tollgate.model.networking.DestinationRule;
import io.tollgate.model.networking.Gateway;
import io.tollgate.model.networking.LoadBalancerSettings;
import io.tollgate.model.networking.Protocol;
import io.tollgate.model.networking.ServerTls;
import io.tollgate.model.networking.ServiceEntry;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.model.security.AuthorizationPolicy;
import io.tollgate.model.security.TargetRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind's fields land in its record, with the line each element was written on. */
class KindParsingTest {
    @TempDir
    Path dir;

    private ResourceSet load(String yaml) {
        LoadResult result = new Loads(dir).load("r.yaml", yaml);
        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        return result.resources();
    }

    @Test
    void serviceEntry() {
        ServiceEntry se = load("""
                apiVersion: networking.istio.io/v1alpha3
                kind: ServiceEntry
                metadata: {name: db, namespace: demo, labels: {app: db}}
                spec:
                  hosts: [db.example.com]
                  addresses: [10.1.2.3]
                  ports:
                  - {number: 3306, protocol: TCP, name: tcp-mysql, targetPort: 13306}
                  location: MESH_INTERNAL
                  resolution: STATIC
                  endpoints:
                  - address: 10.1.2.4
                    ports: {tcp-mysql: 3307}
                    labels: {zone: a}
                    network: n1
                    locality: r/z
                    weight: 3
                  exportTo: [".", other]
                  subjectAltNames: ["spiffe://cluster.local/ns/demo/sa/db"]
                """).serviceEntries().getFirst();
        assertThat(se.meta().qualifiedName()).isEqualTo("demo/db");
        assertThat(se.addresses()).containsExactly("10.1.2.3");
        assertThat(se.ports().getFirst().protocol()).hasValue(Protocol.TCP);
        assertThat(se.ports().getFirst().targetPort()).hasValue(13306);
        assertThat(se.ports().getFirst().location().line()).isEqualTo(8);
        assertThat(se.location()).isEqualTo(ServiceEntry.Location.MESH_INTERNAL);
        assertThat(se.endpoints().getFirst().ports()).isEqualTo(Map.of("tcp-mysql", 3307));
        assertThat(se.endpoints().getFirst().weight()).isEqualTo(3);
        assertThat(se.endpoints().getFirst().locality()).hasValue("r/z");
        assertThat(se.endpoints().getFirst().location().line()).isEqualTo(12);
        assertThat(se.exportTo()).containsExactly(".", "other");
        assertThat(se.subjectAltNames()).hasSize(1);
    }

    @Test
    void gatewayWithSimpleTls() {
        Gateway gw = load("""
                apiVersion: networking.istio.io/v1beta1
                kind: Gateway
                metadata: {name: egress, namespace: istio-system}
                spec:
                  selector: {istio: egressgateway}
                  servers:
                  - port: {number: 443, name: tls, protocol: TLS}
                    hosts: ["*.example.com"]
                    tls:
                      mode: SIMPLE
                      serverCertificate: /etc/cert.pem
                      privateKey: /etc/key.pem
                      minProtocolVersion: TLSV1_2
                      subjectAltNames: [a.example.com]
                """).gateways().getFirst();
        assertThat(gw.selector()).containsEntry("istio", "egressgateway");
        ServerTls tls = gw.servers().getFirst().tls().orElseThrow();
        assertThat(tls.mode()).isEqualTo(ServerTls.Mode.SIMPLE);
        assertThat(tls.serverCertificate()).hasValue("/etc/cert.pem");
        assertThat(tls.minProtocolVersion()).isEqualTo(ServerTls.TlsVersion.TLSV1_2);
        assertThat(gw.servers().getFirst().port().number()).isEqualTo(443);
    }

    @Test
    void destinationRuleKeepsUnusedFieldsAsValues() {
        DestinationRule dr = load("""
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: db, namespace: demo}
                spec:
                  host: db.example.com
                  trafficPolicy:
                    loadBalancer: {simple: LEAST_REQUEST}
                    connectionPool:
                      tcp: {maxConnections: 10, connectTimeout: 250ms, idleTimeout: 0s, tcpKeepalive: {time: 1h, probes: 3}}
                      http: {http1MaxPendingRequests: 5}
                    outlierDetection: {consecutive5xxErrors: 5, interval: 10s}
                    tls: {mode: SIMPLE, sni: db.example.com, subjectAltNames: [db.example.com]}
                  subsets:
                  - name: v1
                    labels: {version: v1}
                  workloadSelector: {matchLabels: {app: client}}
                """).destinationRules().getFirst();
        var policy = dr.trafficPolicy().orElseThrow();
        assertThat(policy.loadBalancer().orElseThrow().simple()).hasValue(LoadBalancerSettings.Simple.LEAST_REQUEST);
        var tcp = policy.connectionPool().orElseThrow().tcp().orElseThrow();
        assertThat(tcp.maxConnections()).hasValue(10);
        assertThat(tcp.connectTimeout()).hasValue(Duration.ofMillis(250));
        assertThat(tcp.idleTimeout()).hasValue(Duration.ZERO);
        assertThat(tcp.tcpKeepalive().orElseThrow().time()).hasValue(Duration.ofHours(1));
        assertThat(policy.other()).containsKey("outlierDetection");
        assertThat(policy.tls().orElseThrow().mode()).isEqualTo(ClientTls.Mode.SIMPLE);
        assertThat(dr.subsets().getFirst().labels()).containsEntry("version", "v1");
        assertThat(dr.workloadSelector().orElseThrow().matchLabels()).containsEntry("app", "client");
    }

    @Test
    void virtualServiceWithTlsTcpAndHttp() {
        VirtualService vs = load("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: demo}
                spec:
                  hosts: ["*.example.com"]
                  gateways: [mesh]
                  tls:
                  - match: [{sniHosts: [a.example.com], port: 443, sourceNamespace: demo}]
                    route: [{destination: {host: a.example.com, port: {number: 443}}}]
                  tcp:
                  - match: [{destinationSubnets: [10.0.0.0/8], sourceLabels: {app: c}, gateways: [mesh]}]
                    route:
                    - {destination: {host: db.example.com, subset: v1}, weight: 80}
                    - {destination: {host: db.example.com, subset: v2}, weight: 20}
                  http:
                  - route: [{destination: {host: web.example.com}}]
                """).virtualServices().getFirst();
        assertThat(vs.tls().getFirst().match().getFirst().sniHosts()).containsExactly("a.example.com");
        assertThat(vs.tls().getFirst().match().getFirst().sourceNamespace()).hasValue("demo");
        assertThat(vs.tcp().getFirst().match().getFirst().destinationSubnets()).containsExactly("10.0.0.0/8");
        assertThat(vs.tcp().getFirst().route()).extracting(r -> r.weight()).containsExactly(80, 20);
        assertThat(vs.tcp().getFirst().route().get(1).location().line()).isEqualTo(14);
        assertThat(vs.http()).hasSize(1);
        assertThat(vs.http().getFirst().fields()).containsKey("route");
    }

    @Test
    void authorizationPolicyTargetRefAndTargetRefsBothLandInTargetRefs() {
        ResourceSet set = load("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: one, namespace: demo}
                spec:
                  targetRef: {kind: Gateway, group: gateway.networking.k8s.io, name: waypoint}
                  action: ALLOW
                  rules: [{}]
                ---
                apiVersion: security.istio.io/v1beta1
                kind: AuthorizationPolicy
                metadata: {name: two, namespace: demo}
                spec:
                  targetRefs:
                  - {kind: Service, group: "", name: db}
                  - {kind: ServiceEntry, group: networking.istio.io, name: rds}
                  action: AUDIT
                  rules:
                  - from: [{source: {notNamespaces: [x], ipBlocks: [10.0.0.0/8]}}]
                    to: [{operation: {ports: ["3306"]}}]
                    when: [{key: connection.sni, values: ["*.example.com"]}]
                """);
        AuthorizationPolicy one = set.authorizationPolicies().get(0);
        AuthorizationPolicy two = set.authorizationPolicies().get(1);
        assertThat(one.targetRefs()).containsExactly(new TargetRef("gateway.networking.k8s.io", "Gateway", "waypoint", ""));
        assertThat(one.rules()).hasSize(1);
        assertThat(two.targetRefs()).extracting(TargetRef::name).containsExactly("db", "rds");
        assertThat(two.action()).isEqualTo(AuthorizationPolicy.Action.AUDIT);
        var rule = two.rules().getFirst();
        assertThat(rule.from().getFirst().notNamespaces()).containsExactly("x");
        assertThat(rule.to().getFirst().ports()).containsExactly("3306");
        assertThat(rule.when().getFirst().key()).isEqualTo("connection.sni");
        assertThat(rule.location().line()).isEqualTo(18);
    }

    @Test
    void namespaceIsClusterScopedAndIgnoresServerSetMetadata() {
        var ns = load("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: demo
                  uid: 1234
                  resourceVersion: "42"
                  creationTimestamp: "2024-01-01T00:00:00Z"
                  labels: {istio-injection: enabled}
                spec: {finalizers: [kubernetes]}
                status: {phase: Active}
                """).namespaces().getFirst();
        assertThat(ns.name()).isEqualTo("demo");
        assertThat(ns.meta().namespace()).isEmpty();
        assertThat(ns.meta().labels()).containsEntry("istio-injection", "enabled");
    }

    @Test
    void missingNamespaceMeansDefault() {
        var gw = load("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw}
                spec:
                  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
                """).gateways().getFirst();
        assertThat(gw.meta().namespace()).isEqualTo("default");
    }
}
