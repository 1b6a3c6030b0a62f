package io.tollgate.dataplane.gateway;

import io.tollgate.identity.SpiffeId;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;
import io.tollgate.policy.authz.Workload;
import io.tollgate.policy.compile.PolicyCompiler;
import io.tollgate.policy.route.PortNumber;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine behind the gateway's authorization seam, on the seed's step-6 policy aimed at demo-server. */
class PolicyAuthorizerTest {
    private static final Workload GATEWAY = new Workload("istio-system", Map.of("istio", "egressgateway"));

    private static ConnectionAuthorizer authorizer(String action, String annotations) {
        String yaml = """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: egress-rds-by-namespace
                  namespace: istio-system
                  annotations: {%s}
                spec:
                  action: %s
                  selector: {matchLabels: {istio: egressgateway}}
                  rules: [{from: [{source: {namespaces: [demo-server]}}]}]
                """.formatted(annotations, action);
        LoadResult loaded = new ResourceLoader().loadTexts(List.of(new SourceText("policy.yaml", yaml)), Optional.empty());
        assertThat(loaded.hasErrors()).as(loaded.diagnostics().toString()).isFalse();
        var engine = new PolicyCompiler(loaded.resources().mesh()).compile(loaded.resources().authorizationPolicies()).engine();
        return new PolicyAuthorizer(engine.forWorkload(GATEWAY));
    }

    private static ConnectionFacts from(Optional<SpiffeId> peer) throws Exception {
        return new ConnectionFacts(peer, new InetSocketAddress(InetAddress.getByName("127.240.0.1"), 40000),
                InetAddress.getByName("127.0.0.1"), PortNumber.of(13306), Optional.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com"));
    }

    private static final Optional<SpiffeId> DEMO_SERVER = Optional.of(SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/default"));

    @Test
    void aDenyOnTheNamespaceDeniesNamingThePolicy() throws Exception {
        Verdict verdict = authorizer("DENY", "").decide(from(DEMO_SERVER));

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.policyLabel()).isEqualTo("istio-system/egress-rds-by-namespace");
        assertThat(verdict.reason()).contains("demo-server");
    }

    @Test
    void aPlaintextPeerHasNoNamespaceSoTheDenyDoesNotMatch() throws Exception {
        Verdict verdict = authorizer("DENY", "").decide(from(Optional.empty()));

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.policy()).isEmpty();
    }

    @Test
    void anAllowAdmitsItsNamespaceOnly() throws Exception {
        ConnectionAuthorizer allow = authorizer("ALLOW", "");

        assertThat(allow.decide(from(DEMO_SERVER)).allowed()).isTrue();
        assertThat(allow.decide(from(Optional.of(SpiffeId.parse("spiffe://cluster.local/ns/demo-frontend/sa/default"))))
                .allowed()).isFalse();
    }

    @Test
    void aDryRunDenyAllowsButSaysItWouldHaveDenied() throws Exception {
        Verdict verdict = authorizer("DENY", "istio.io/dry-run: \"true\"").decide(from(DEMO_SERVER));

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.reason()).contains("would-deny").contains("istio-system/egress-rds-by-namespace");
    }
}
