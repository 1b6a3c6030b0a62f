package io.tollgate.bench.harness;

import java.util.List;

/**
 * The Istio resources that make the Tollgate chain do the HAProxy chain's job, in the seed walk-through's shape:
 * per upstream a ServiceEntry (STATIC, its loopback endpoint), a DestinationRule subset that sends the upstream's
 * host as SNI over ISTIO_MUTUAL, and a VirtualService chaining sidecar -> gateway ({@code tcp}, mesh) -> upstream
 * ({@code tls} with {@code sniHosts}: the three upstreams share one gateway port, routed by server name as
 * HAProxy's gateway does); one Gateway server on {@code gatewayPort}; and an ALLOW AuthorizationPolicy admitting
 * only the workload, so a wrong identity from the same CA is refused by policy.
 *
 * <p>Each ServiceEntry port is the upstream's real port, so the gateway dials the endpoint on the same port and the
 * sidecar's listener for a host sits on its own loopback address at that port.
 */
final class TollgateConfig {
    static final String GATEWAY_SERVICE = "istio-egressgateway.istio-system.svc.cluster.local";
    static final String WORKLOAD_NAMESPACE = "demo-server";
    static final String WORKLOAD_ACCOUNT = "default";
    static final String GATEWAY_NAMESPACE = "istio-system";
    static final String GATEWAY_ACCOUNT = "istio-egressgateway-service-account";

    private TollgateConfig() {
    }

    static String resources(Upstreams upstreams, int gatewayPort) {
        StringBuilder yaml = new StringBuilder(gateway(gatewayPort));
        List<Destination> all = List.of(upstreams.echo(), upstreams.iperf(), upstreams.mysql());
        yaml.append("---\n").append(destinationRule(all, gatewayPort));
        for (Destination destination : all) {
            yaml.append("---\n").append(serviceEntry(destination));
            yaml.append("---\n").append(virtualService(destination, gatewayPort));
        }
        yaml.append("---\n").append(authorizationPolicy());
        return yaml.toString();
    }

    static String meshConfig() {
        return "outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n";
    }

    private static String gateway(int port) {
        return """
                apiVersion: networking.istio.io/v1beta1
                kind: Gateway
                metadata:
                  name: istio-egressgateway
                  namespace: istio-system
                spec:
                  selector:
                    istio: egressgateway
                  servers:
                  - hosts:
                    - '*'
                    port:
                      name: tls-bench
                      number: %d
                      protocol: TLS
                    tls:
                      mode: ISTIO_MUTUAL
                """.formatted(port);
    }

    private static String destinationRule(List<Destination> destinations, int gatewayPort) {
        StringBuilder subsets = new StringBuilder();
        for (Destination destination : destinations) {
            subsets.append("""
                      - name: %s
                        trafficPolicy:
                          portLevelSettings:
                          - port:
                              number: %d
                            tls:
                              mode: ISTIO_MUTUAL
                              sni: %s
                    """.formatted(subset(destination), gatewayPort, destination.host()));
        }
        return """
                apiVersion: networking.istio.io/v1beta1
                kind: DestinationRule
                metadata:
                  name: bench-egress-gateway
                  namespace: demo-server
                spec:
                  host: %s
                  subsets:
                """.formatted(GATEWAY_SERVICE) + subsets;
    }

    private static String serviceEntry(Destination destination) {
        return """
                apiVersion: networking.istio.io/v1beta1
                kind: ServiceEntry
                metadata:
                  name: %s
                  namespace: demo-server
                spec:
                  hosts:
                  - %s
                  location: MESH_EXTERNAL
                  ports:
                  - name: tcp
                    number: %d
                    protocol: TCP
                  resolution: STATIC
                  endpoints:
                  - address: %s
                """.formatted(subset(destination), destination.host(), destination.address().getPort(),
                destination.address().getAddress().getHostAddress());
    }

    private static String virtualService(Destination destination, int gatewayPort) {
        return """
                apiVersion: networking.istio.io/v1beta1
                kind: VirtualService
                metadata:
                  name: %s
                  namespace: demo-server
                spec:
                  exportTo:
                  - istio-system
                  - demo-server
                  gateways:
                  - mesh
                  - istio-system/istio-egressgateway
                  hosts:
                  - %s
                  tcp:
                  - match:
                    - gateways:
                      - mesh
                      port: %d
                    route:
                    - destination:
                        host: %s
                        port:
                          number: %d
                        subset: %s
                  tls:
                  - match:
                    - gateways:
                      - istio-system/istio-egressgateway
                      port: %d
                      sniHosts:
                      - %s
                    route:
                    - destination:
                        host: %s
                        port:
                          number: %d
                """.formatted(subset(destination), destination.host(), destination.address().getPort(), GATEWAY_SERVICE,
                gatewayPort, subset(destination), gatewayPort, destination.host(), destination.host(),
                destination.address().getPort());
    }

    private static String authorizationPolicy() {
        return """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: bench-allow-workload
                  namespace: istio-system
                spec:
                  action: ALLOW
                  selector:
                    matchLabels:
                      istio: egressgateway
                  rules:
                  - from:
                    - source:
                        principals:
                        - cluster.local/ns/demo-server/sa/default
                """;
    }

    /** A resource and subset name for the upstream: its host's first label. */
    private static String subset(Destination destination) {
        String host = destination.host();
        return "bench-" + host.substring(0, host.indexOf('.')).replaceAll("[^a-z0-9-]", "-");
    }
}
