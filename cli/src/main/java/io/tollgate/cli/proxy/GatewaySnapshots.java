package io.tollgate.cli.proxy;

import io.tollgate.controlplane.client.PolicyRecompiler;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.dataplane.gateway.GatewayConfig;
import io.tollgate.dataplane.gateway.PolicyAuthorizer;
import io.tollgate.model.ResourceSet;
import io.tollgate.policy.authz.Workload;
import io.tollgate.policy.compile.Compilation;
import io.tollgate.policy.compile.GatewayCompilation;
import io.tollgate.policy.compile.GatewayRouteCompiler;
import io.tollgate.policy.scope.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Turns a snapshot into one gateway configuration: the routes of the Gateways that select this workload and the
 * AuthorizationPolicies that apply to it, compiled together so a connection never meets new routes with an old
 * policy. What the compilers left out is logged once per version, naming the resource and line.
 */
final class GatewaySnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(GatewaySnapshots.class);
    private final Proxy proxy;
    private final SnapshotLoader loader = new SnapshotLoader();
    // Each policy's compiled form, kept while it is unchanged: a push of one edited policy recompiles that one.
    private final PolicyRecompiler policyCompiler = new PolicyRecompiler();
    private final Workload workload;

    /** The compiled configuration and the mesh's trust domain aliases, which the TLS side needs too. */
    record Compiled(GatewayConfig config, List<String> trustDomainAliases) {
    }

    GatewaySnapshots(String namespace, java.util.Map<String, String> labels) {
        this.proxy = Proxy.gateway(namespace, labels);
        this.workload = new Workload(namespace, labels);
    }

    Compiled compile(Snapshot snapshot) throws SnapshotLoader.Refused {
        ResourceSet resources = loader.load(snapshot);
        GatewayCompilation routes = new GatewayRouteCompiler().compile(resources, proxy, snapshot.version());
        routes.notes().forEach(note -> LOG.warn("gateway {}: {}", snapshot.version(), note));
        Compilation policies = policyCompiler.compile(resources.mesh(), resources.authorizationPolicies());
        policies.notes().forEach(note -> LOG.warn("gateway {}: {}", snapshot.version(), note));
        PolicyAuthorizer authorizer = new PolicyAuthorizer(policies.engine().forWorkload(workload));
        return new Compiled(new GatewayConfig(routes.routes(), authorizer), resources.mesh().trustDomainAliases());
    }
}
