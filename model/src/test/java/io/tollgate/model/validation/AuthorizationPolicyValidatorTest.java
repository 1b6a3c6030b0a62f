package io.tollgate.model.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Istio's AuthorizationPolicy rules (ValidateAuthorizationPolicy, pkg/config/security), and Tollgate's own. */
class AuthorizationPolicyValidatorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CUSTOM is refused       | {action: CUSTOM, provider: {name: ext}, rules: [{}]}                         | ERROR spec.action: CUSTOM needs an external authorizer (provider), which Tollgate does not support
            provider without CUSTOM | {action: DENY, provider: {name: ext}, rules: [{}]}                           | ERROR spec.provider: provider must not be set with action DENY; it is only for CUSTOM
            DENY without rules      | {action: DENY}                                                               | ERROR spec.rules: DENY action without rules is meaningless as it will never be triggered, add an empty rule {} if you want it be triggered for every request
            bad action              | {action: REJECT}                                                             | ERROR spec.action: invalid value "REJECT", must be one of ALLOW, DENY, AUDIT, CUSTOM
            selector and targetRef  | {selector: {matchLabels: {a: b}}, targetRef: {kind: Service, name: s}}       | ERROR spec: only one of targetRefs or selector can be set
            targetRef namespace     | {targetRef: {kind: Service, name: s, namespace: other}}                      | ERROR spec.targetRef.namespace: cross namespace referencing is not supported; leave namespace unset
            targetRef kind          | {targetRefs: [{kind: Deployment, group: apps, name: s}]}                     | ERROR spec.targetRefs[0].kind: a policy can target only a Service, ServiceEntry, Gateway (gateway.networking.k8s.io) or GatewayClass, not apps/Deployment
            empty selector          | {selector: {matchLabels: {}}}                                                | WARNING spec.selector.matchLabels: workload selector specified without labels: the policy applies to every workload in its namespace
            from without source     | {rules: [{from: [{}]}]}                                                      | ERROR spec.rules[0].from[0].source: required field is missing
            empty source            | {rules: [{from: [{source: {}}]}]}                                            | ERROR spec.rules[0].from[0].source: source must not be empty
            empty operation         | {rules: [{to: [{operation: {}}]}]}                                           | ERROR spec.rules[0].to[0].operation: operation must not be empty
            service accounts mixed  | {rules: [{from: [{source: {namespaces: [a], serviceAccounts: [b]}}]}]}       | ERROR spec.rules[0].from[0].source: cannot set serviceAccounts with namespaces or principals
            bad ip block            | {rules: [{from: [{source: {ipBlocks: [10.0.0.256]}}]}]}                      | ERROR spec.rules[0].from[0].source.ipBlocks[0]: bad IP address (10.0.0.256)
            empty namespace value   | {rules: [{from: [{source: {namespaces: [""]}}]}]}                            | ERROR spec.rules[0].from[0].source.namespaces[0]: empty value not allowed
            bad port                | {rules: [{to: [{operation: {ports: ["70000"]}}]}]}                           | ERROR spec.rules[0].to[0].operation.ports[0]: bad port (70000): must be a number from 0 to 65535
            port as integer         | {rules: [{to: [{operation: {ports: [3306]}}]}]}                              | ERROR spec.rules[0].to[0].operation.ports[0]: expected a string, found an integer (quote it: "3306")
            unknown when key        | {rules: [{when: [{key: source.color, values: [red]}]}]}                      | ERROR spec.rules[0].when[0].key: unknown attribute: source.color
            when without values     | {rules: [{when: [{key: source.ip}]}]}                                        | ERROR spec.rules[0].when[0]: at least one of values or notValues must be set for key source.ip
            when bad port           | {rules: [{when: [{key: destination.port, values: [x]}]}]}                    | ERROR spec.rules[0].when[0].values[0]: bad port (x): must be a number from 0 to 65535
            service account form    | {rules: [{from: [{source: {serviceAccounts: [a/b/c]}}]}]}                    | ERROR spec.rules[0].from[0].source.serviceAccounts[0]: expected format 'serviceAccount' or 'namespace/serviceAccount', found "a/b/c"
            trust domains refused   | {rules: [{from: [{source: {trustDomains: [td]}}]}]}                          | ERROR spec.rules[0].from[0].source.trustDomains: trustDomains is not supported by Tollgate yet; use principals instead
            DENY HTTP only          | {action: DENY, rules: [{to: [{operation: {methods: [GET]}}]}]}              | WARNING spec.rules[0]: configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port
            ALLOW HTTP field        | {rules: [{to: [{operation: {ports: ["3306"], paths: [/x]}}]}]}              | WARNING spec.rules[0]: HTTP-only fields (paths) cannot match a TCP connection, so this ALLOW rule never matches one
            spiffe scheme           | {rules: [{from: [{source: {principals: ["spiffe://td/ns/a/sa/b"]}}]}]}       | WARNING spec.rules[0].from[0].source.principals[0]: principal "spiffe://td/ns/a/sa/b" includes the spiffe:// scheme, which Istio adds itself: it never matches; write "td/ns/a/sa/b"
            empty from list         | {rules: [{from: [], to: [{operation: {ports: ["1"]}}]}]}                     | WARNING spec.rules[0].from: an empty list is the same as leaving from out: the rule matches every source
            bad path template       | {rules: [{to: [{operation: {paths: ["/{**}/{*}"]}}]}]}                        | ERROR spec.rules[0].to[0].operation.paths[0]: invalid or unsupported path /{**}/{*}: {**} is not the last operator
            """)
    void rule(String name, String spec, String expected) {
        assertThat(Check.findings(Check.doc("security.istio.io/v1", "AuthorizationPolicy", spec))).contains(expected);
    }

    @ParameterizedTest(name = "dry-run {0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "true"  | ALLOW  |
            "False" | DENY   |
            "1"     | DENY   |
            "t"     | ALLOW  |
            "yes"   | DENY   | ERROR metadata.annotations[istio.io/dry-run]: invalid value (yes): must be "true" or "false"
            "true"  | AUDIT  | ERROR metadata.annotations[istio.io/dry-run]: the annotation istio.io/dry-run currently only supports action ALLOW/DENY, found action AUDIT
            """)
    void dryRunAnnotation(String value, String action, String expected) {
        var findings = Check.findings("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: p, namespace: demo, annotations: {istio.io/dry-run: %s}}
                spec: {action: %s, rules: [{}]}
                """.formatted(value, action));
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).containsExactly(expected);
        }
    }

    @Test
    void dryRunOnAnotherKindIsRefused() {
        assertThat(Check.findings("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: demo, annotations: {istio.io/dry-run: "true"}}
                """)).containsExactly("ERROR metadata.annotations[istio.io/dry-run]: only an AuthorizationPolicy supports "
                + "istio.io/dry-run; remove the annotation");
    }

    @Test
    void specEmptyAndRulesWithAnEmptyRuleAreValid() {
        assertThat(Check.findings("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: deny-all, namespace: demo}
                spec: {}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: allow-all, namespace: demo}
                spec: {rules: [{}]}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: no-spec, namespace: demo}
                """)).isEmpty();
    }
}
