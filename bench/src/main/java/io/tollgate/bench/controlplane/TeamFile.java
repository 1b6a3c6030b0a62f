package io.tollgate.bench.controlplane;

import java.util.Random;

/**
 * The YAML one team keeps in its repository (one file per team, as GitOps layouts do): its external databases as
 * ServiceEntries, the route of one of them through an egress gateway (a DestinationRule subset with the database's
 * SNI and a VirtualService, as in the seed), the gateway policies that admit the team, and a few policies on its own
 * workloads. Deterministic: the same team and revisions give the same text.
 *
 * <p>Team {@code t} routes through {@code istio-system/istio-egressgateway} when {@code t} is even, through
 * {@code egress-rds/rds-egressgateway} when odd. Policies: {@link #GATEWAY_POLICIES} in the root namespace (every
 * gateway receives them), one in {@code egress-rds}, the rest in the team's namespace (no Tollgate proxy enforces
 * those: sidecars get no policies; they are loaded and validated all the same).
 */
final class TeamFile {
    static final int GATEWAY_POLICIES = 6;
    private static final String[] REGIONS = {"cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"};

    private final int team;
    private final int serviceEntries;
    private final int policies;
    private final Exports exports;

    TeamFile(int team, int serviceEntries, int policies, Exports exports) {
        if (policies < GATEWAY_POLICIES + 1) {
            throw new IllegalArgumentException("a team needs at least " + (GATEWAY_POLICIES + 1) + " policies");
        }
        this.team = team;
        this.serviceEntries = serviceEntries;
        this.policies = policies;
        this.exports = exports;
    }

    static String namespace(int team) {
        return "team-%04d".formatted(team);
    }

    static String fileName(int team) {
        return namespace(team) + ".yaml";
    }

    /** The host of database {@code index} of {@code team}; database 0 is the one routed through a gateway. */
    static String host(int team, int index) {
        return "rm-t%04dd%02d.mysql.%s.rds.aliyuncs.com".formatted(team, index, REGIONS[team % REGIONS.length]);
    }

    static EgressGateway gatewayOf(int team) {
        return EgressGateway.values()[team % 2];
    }

    /**
     * @param policyRevision  revision of the root-namespace policy admitting the team (0 as generated); another
     *                        revision excludes another address, a real change of meaning that moves no line
     * @param serviceRevision revision of the routed database's ServiceEntry; another revision changes its admin
     *                        port's number
     */
    String text(int policyRevision, int serviceRevision) {
        Random random = new Random(team);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < serviceEntries; i++) {
            out.append(serviceEntry(i, i == 0 ? serviceRevision : 0, random)).append("---\n");
        }
        out.append(destinationRule()).append("---\n");
        out.append(virtualService()).append("---\n");
        for (int k = 0; k < policies; k++) {
            out.append(policy(k, k == 0 ? policyRevision : 0, random)).append("---\n");
        }
        return out.toString();
    }

    private String serviceEntry(int index, int revision, Random random) {
        boolean routed = index == 0;
        boolean staticEndpoints = !routed && random.nextInt(5) == 0;
        boolean xProtocol = random.nextInt(5) == 0;
        StringBuilder out = new StringBuilder("""
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: db-%02d
                  namespace: %s
                  labels:
                    team: %s
                    tier: %s
                spec:
                  hosts:
                  - %s
                  location: MESH_EXTERNAL
                  ports:
                  - number: 3306
                    name: tcp-mysql
                    protocol: TCP
                """.formatted(index, namespace(team), namespace(team), random.nextBoolean() ? "primary" : "replica",
                host(team, index)));
        if (xProtocol) {
            out.append("  - number: 33060\n    name: tcp-mysqlx\n    protocol: TCP\n");
        }
        if (routed) {
            // Always there, so that an edit (another port number) moves no line of the documents after it.
            out.append("  - number: %d\n    name: tcp-admin\n    protocol: TCP\n".formatted(40000 + revision));
        }
        if (staticEndpoints) {
            out.append("  resolution: STATIC\n  endpoints:\n  - address: 10.%d.%d.%d\n".formatted(
                    100 + team / 250, team % 250, 1 + index));
        } else {
            out.append("  resolution: DNS\n");
        }
        switch (exports) {
            case MESH_WIDE -> {
                // Istio's default: no exportTo at all.
            }
            case NAMESPACE_LOCAL -> out.append(routed ? "  exportTo: [\".\", %s]\n".formatted(gatewayOf(team).namespace)
                    : "  exportTo: [\".\"]\n");
        }
        return out.toString();
    }

    private String destinationRule() {
        EgressGateway gateway = gatewayOf(team);
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: egress-gateway-mtls
                  namespace: %s
                spec:
                  host: %s
                  exportTo: ["."]
                  subsets:
                  - name: db-00
                    trafficPolicy:
                      portLevelSettings:
                      - port:
                          number: 13306
                        tls:
                          mode: ISTIO_MUTUAL
                          sni: %s
                """.formatted(namespace(team), gateway.serviceHost(), host(team, 0));
    }

    private String virtualService() {
        EgressGateway gateway = gatewayOf(team);
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: db-00-through-egress-gateway
                  namespace: %1$s
                spec:
                  hosts:
                  - %2$s
                  gateways:
                  - mesh
                  - %3$s
                  exportTo: [".", %4$s]
                  tcp:
                  - match:
                    - gateways: [mesh]
                      port: 3306
                    route:
                    - destination:
                        host: %5$s
                        subset: db-00
                        port:
                          number: 13306
                  tls:
                  - match:
                    - gateways: [%3$s]
                      port: 13306
                      sniHosts: [%2$s]
                    route:
                    - destination:
                        host: %2$s
                        port:
                          number: 3306
                """.formatted(namespace(team), host(team, 0), gateway.qualifiedName(), gateway.namespace,
                gateway.serviceHost());
    }

    /** Policy {@code k}: the first {@link #GATEWAY_POLICIES} in the root namespace, one in egress-rds, the rest local. */
    private String policy(int k, int revision, Random random) {
        String ns = namespace(team);
        if (k < GATEWAY_POLICIES) {
            return header("gw-" + ns + "-" + k, "istio-system", "istio: " + gatewayOf(team).label, rootRule(k, revision, random));
        }
        if (k == GATEWAY_POLICIES) {
            return header("rds-" + ns, "egress-rds", "istio: rds-egressgateway", """
                      action: ALLOW
                      rules:
                      - from:
                        - source:
                            namespaces: ["%s"]
                        to:
                        - operation:
                            ports: ["13306"]
                    """.formatted(ns));
        }
        String selector = random.nextBoolean() ? "app: app-" + random.nextInt(5) : null;
        String rule = switch (random.nextInt(3)) {
            case 0 -> """
                      action: ALLOW
                      rules:
                      - from:
                        - source:
                            principals: ["cluster.local/ns/%s/sa/app-%d", "cluster.local/ns/%s/sa/batch"]
                        to:
                        - operation:
                            ports: ["3306", "8080"]
                    """.formatted(ns, random.nextInt(5), namespace(random.nextInt(1000)));
            case 1 -> """
                      action: DENY
                      rules:
                      - from:
                        - source:
                            ipBlocks: ["10.%d.%d.0/24"]
                            notNamespaces: ["%s"]
                    """.formatted(random.nextInt(256), random.nextInt(256), ns);
            default -> """
                      action: ALLOW
                      rules:
                      - from:
                        - source:
                            namespaces: ["%s", "%s"]
                      - to:
                        - operation:
                            notPorts: ["22"]
                        when:
                        - key: source.ip
                          values: ["10.%d.0.0/16"]
                    """.formatted(ns, namespace(random.nextInt(1000)), random.nextInt(256));
        };
        return header(ns + "-local-" + k, ns, selector, rule);
    }

    private String rootRule(int k, int revision, Random random) {
        String ns = namespace(team);
        return switch (k) {
            case 0 -> """
                      action: ALLOW
                      rules:
                      - from:
                        - source:
                            namespaces: ["%s"]
                            notIpBlocks: ["192.0.2.%d/32"]
                        to:
                        - operation:
                            ports: ["13306"]
                        when:
                        - key: connection.sni
                          values: ["%s"]
                    """.formatted(ns, revision % 256, host(team, 0));
            case 1 -> """
                      action: DENY
                      rules:
                      - from:
                        - source:
                            principals: ["cluster.local/ns/%s/sa/untrusted"]
                        to:
                        - operation:
                            ports: ["13306"]
                    """.formatted(ns);
            case 2 -> """
                      action: DENY
                      rules:
                      - from:
                        - source:
                            ipBlocks: ["10.%d.%d.0/24", "172.16.%d.0/24"]
                    """.formatted(random.nextInt(256), random.nextInt(256), random.nextInt(256));
            case 3 -> """
                      action: ALLOW
                      rules:
                      - from:
                        - source:
                            principals: ["cluster.local/ns/%s/sa/app-%d"]
                        when:
                        - key: destination.port
                          values: ["13306"]
                    """.formatted(ns, random.nextInt(5));
            case 4 -> """
                      action: AUDIT
                      rules:
                      - from:
                        - source:
                            namespaces: ["%s"]
                    """.formatted(ns);
            default -> """
                      action: DENY
                      rules:
                      - from:
                        - source:
                            notNamespaces: ["%s", "%s"]
                        when:
                        - key: connection.sni
                          values: ["%s"]
                    """.formatted(ns, gatewayOf(team).namespace, host(team, 0));
        };
    }

    private static String header(String name, String namespace, String selector, String spec) {
        String select = selector == null ? "" : "  selector:\n    matchLabels:\n      " + selector + "\n";
        return """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: %s
                  namespace: %s
                spec:
                """.formatted(name, namespace) + select + spec;
    }
}
