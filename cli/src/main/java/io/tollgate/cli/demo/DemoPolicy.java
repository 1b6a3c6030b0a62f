package io.tollgate.cli.demo;

/**
 * The AuthorizationPolicy the walk-through makes in the console, as YAML, with the action and the namespace the
 * step needs: the same name, namespace and selector as the seed's {@code 06-authorization-policy.yaml}.
 */
record DemoPolicy(String action, String namespace) {
    String yaml() {
        return """
                # Written by tollgate demo: the walk-through's console policy, action %s, namespaces [%s].
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: egress-rds-by-namespace
                  namespace: istio-system
                spec:
                  action: %s
                  selector:
                    matchLabels:
                      istio: egressgateway
                  rules:
                  - from:
                    - source:
                        namespaces:
                        - %s
                """.formatted(action, namespace, action, namespace);
    }

    @Override
    public String toString() {
        return action + " from namespace " + namespace;
    }
}
