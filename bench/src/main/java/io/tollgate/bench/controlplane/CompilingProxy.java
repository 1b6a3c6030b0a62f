package io.tollgate.bench.controlplane;

import io.tollgate.controlplane.client.SnapshotConsumer;
import io.tollgate.controlplane.client.Verdict;
import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.ProxyNode;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ReadText;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;
import io.tollgate.policy.compile.GatewayRouteCompiler;
import io.tollgate.policy.compile.MeshService;
import io.tollgate.policy.compile.MeshServices;
import io.tollgate.policy.compile.PolicyCompiler;
import io.tollgate.policy.compile.SidecarRouteCompiler;
import io.tollgate.policy.scope.Proxy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One proxy's consumer, doing what a proxy does with a snapshot: re-load every document with the control plane's
 * own loader (file:line kept; a document unchanged since the last snapshot is not parsed again), then compile it (a sidecar its route table; a gateway its route table and its
 * authorization engine). Records when each version arrived and was applied, and the CPU the compile took.
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
    private final ResourceLoader loader = new ResourceLoader();
    // Each document as last read, so that a push changing one document re-reads that one; the checks over the
    // whole snapshot run every time (ResourceLoader.combine): the verdict is that of loading everything afresh.
    private Map<ConfigDocument, ReadText> lastRead = Map.of();
    private volatile Applied last;
    private volatile String refusal = "";

    private final ScaleSettings.Consumer mode;

    CompilingProxy(ProxyNode node, ScaleSettings.Consumer mode) {
        this.node = node;
        this.mode = mode;
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
        List<ReadText> texts = new ArrayList<>(snapshot.documents().size());
        Map<ConfigDocument, ReadText> read = HashMap.newHashMap(snapshot.documents().size());
        Optional<SourceText> mesh = Optional.empty();
        for (ConfigDocument document : snapshot.documents()) {
            if (document.source().equals(ControlPlane.MESH_CONFIG_SOURCE)) {
                mesh = Optional.of(SourceText.startingAt(document.source(), document.line(), document.yaml()));
                continue;
            }
            ReadText text = lastRead.get(document);
            if (text == null) {
                text = loader.read(SourceText.startingAt(document.source(), document.line(), document.yaml()));
            }
            read.put(document, text);
            texts.add(text);
        }
        lastRead = read;
        LoadResult loaded = loader.combine(texts, mesh);
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
                new PolicyCompiler(resources.mesh()).compile(resources.authorizationPolicies());
            }
        }
    }
}
