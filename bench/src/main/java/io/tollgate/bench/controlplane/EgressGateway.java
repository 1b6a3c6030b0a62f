package io.tollgate.bench.controlplane;

/**
 * The two egress gateway deployments of the generated mesh: the seed's, and a second one for half of the teams,
 * so that gateways do not all see the same routes.
 */
enum EgressGateway {
    ISTIO_SYSTEM("istio-system", "istio-egressgateway", "egressgateway"),
    EGRESS_RDS("egress-rds", "rds-egressgateway", "rds-egressgateway");

    final String namespace;
    final String name;
    /** The value of the workload's {@code istio} label, which the Gateway resource selects. */
    final String label;

    EgressGateway(String namespace, String name, String label) {
        this.namespace = namespace;
        this.name = name;
        this.label = label;
    }

    String qualifiedName() {
        return namespace + "/" + name;
    }

    String serviceHost() {
        return name + "." + namespace + ".svc.cluster.local";
    }

    String serviceAccount() {
        return name + "-service-account";
    }

    /** The Gateway resource: mTLS from sidecars on 13306, any host (routes decide by SNI). */
    String gatewayYaml() {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  selector:
                    istio: %s
                  servers:
                  - port:
                      number: 13306
                      name: tls-mysql
                      protocol: TLS
                    hosts:
                    - "*"
                    tls:
                      mode: ISTIO_MUTUAL
                """.formatted(name, namespace, label);
    }
}
