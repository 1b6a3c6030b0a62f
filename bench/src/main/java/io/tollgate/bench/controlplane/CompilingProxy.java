package io.tollgate.bench.controlplane;

import io.tollgate.controlplane.client.PolicyRecompiler;
import io.tollgate.controlplane.client.SnapshotConsumer;
import io.tollgate.controlplane.client.SnapshotReader;
import io.tollgate.controlplane.client.Verdict;
import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.ProxyNode;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.load.LoadResult;
import io.tollgate.policy.compile.GatewayRouteCompiler;
import io.tollgate.policy.compile.MeshService;
import io.tollgate.policy.compile.MeshServices;
import io.tollgate.policy.compile.SidecarRouteCompiler;
import io.tollgate.policy.authz.Workload;
import io.tollgate.policy.scope.Proxy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Optional;

/**
 * One proxy's consumer, doing what {@code tollgate sidecar} and {@code tollgate gateway} do with a snapshot, with
 * the same parts: re-load every document with the control plane's own loader ({@link SnapshotReader}: file:line
 * kept, a document unchanged since the last snapshot not parsed again, the whole set judged), then compile it (a
 * sidecar its route table; a gateway its route table and its authorization engine, recompiling only the policies
 * that changed: {@link PolicyRecompiler}). Records when each version arrived and was applied, and the CPU it took.
 *
 * <p>Called on the proxy's client thread only; {@link #last()} is read by the benchmark thread through a volatile.
 */
final class CompilingProxy implements SnapshotConsumer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MeshServices GATEWAY_SERVICES = MeshServices.of(List.of(
            MeshService.parse(EgressGateway.ISTIO_SYSTEM.serviceHost() + ":13306=127.0.0.1:13306"),
            MeshService.parse(EgressGateway.EGRESS_RDS.serviceHost() + ":13306=127.0.0.1:13307")));

    /** One applied snapshot: when it arrived at the consumer and when the proxy ran it (System.nanoTime). */
    record Applied(Snapshot snapshot, long receivedAt, long appliedAt, long compileCpuNanos) {
    }

    private final ProxyNode node;
    private final Proxy proxy;
    private final Workload workload;
    private final SnapshotReader reader = new SnapshotReader(SnapshotReader.Parsing.ON_CALLING_THREAD);
    private final PolicyRecompiler policies = new PolicyRecompiler();
    private volatile Applied last;
    private volatile String refusal = "";

    private final ScaleSettings.Consumer mode;

    CompilingProxy(ProxyNode node, ScaleSettings.Consumer mode) {
        this.node = node;
        this.mode = mode;
        this.workload = new Workload(node.namespace(), node.labels());
        this.proxy = node.kind() == ProxyKind.SIDECAR ? Proxy.sidecar(node.namespace(), node.labels())
                : Proxy.gateway(node.namespace(), node.labels());
    }

    ProxyNode node() {
        return node;
    }

    Optional<Applied> last() {
        return Optional.ofNullable(last);
    }

    /** Why the last snapshot was refused, or empty: a benchmark with a refusal has measured nothing useful. */
    String refusal() {
        return refusal;
    }

    @Override
    public Verdict apply(Snapshot snapshot) {
        long receivedAt = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (mode == ScaleSettings.Consumer.ACCEPT) {
            last = new Applied(snapshot, receivedAt, receivedAt, 0);
            return Verdict.accept();
        }
        LoadResult loaded = reader.read(snapshot);
        if (loaded.hasErrors()) {
            refusal = loaded.diagnostics().getFirst().toString();
            return Verdict.reject(refusal);
        }
        compile(loaded.resources(), snapshot.version());
        last = new Applied(snapshot, receivedAt, System.nanoTime(), THREADS.getCurrentThreadCpuTime() - cpu);
        return Verdict.accept();
    }

    private void compile(ResourceSet resources, String version) {
        switch (proxy.kind()) {
            case SIDECAR -> new SidecarRouteCompiler().compile(resources, proxy, GATEWAY_SERVICES, version);
            case GATEWAY -> {
                new GatewayRouteCompiler().compile(resources, proxy, version);
                policies.compile(resources.mesh(), resources.authorizationPolicies()).engine().forWorkload(workload);
            }
        }
    }
}
