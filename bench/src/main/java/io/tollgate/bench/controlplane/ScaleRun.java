package io.tollgate.bench.controlplane;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.DocumentId;
import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.ProxyNode;
import io.tollgate.controlplane.distribution.Push;
import io.tollgate.controlplane.distribution.PushDecoding;
import io.tollgate.controlplane.distribution.PushKind;
import io.tollgate.controlplane.distribution.PushedDocument;
import io.tollgate.controlplane.distribution.SetDigest;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.controlplane.mesh.ControlPlaneSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One mode of the benchmark, start to end: generate the files and the CA (in a JVM of its own, as
 * {@code tollgate ca init} does at installation), start the control plane (load + validate), and bring 100
 * proxies to its first version, then edit one policy and one ServiceEntry on disk, a few times each, and wait until
 * every proxy that holds the edited document has applied the new version.
 *
 * <p>The proxies come in one of two ways ({@link ScaleSettings.Start}): once the control plane serves (they
 * bootstrap their certificates with join tokens, outside the timed figures, then connect), or running before it
 * starts, holding certificates from before, as on a control plane restart; then they connect while the files load.
 */
final class ScaleRun {
    private final ScaleSettings settings;
    private final Exports exports;
    private final PrintStream out;
    /** The class path of this JVM, for the child JVM that makes the CA. */
    private final String classPath;

    ScaleRun(ScaleSettings settings, Exports exports, String classPath, PrintStream out) {
        this.classPath = classPath;
        this.settings = settings;
        this.exports = exports;
        this.out = out;
    }

    void run() throws Exception {
        Path state = Files.createTempDirectory("tollgate-scale-state-");
        Path credentials = Files.createTempDirectory("tollgate-scale-credentials-");
        List<ProxyNode> nodes = ProxyFleet.nodes(settings.sidecars(), settings.gateways(), settings.teams());
        try (MeshFiles files = MeshFiles.write(settings.teams(), settings.serviceEntriesPerTeam(), settings.policiesPerTeam(),
                exports)) {
            Table table = new Table("%s: %d ServiceEntries + %d AuthorizationPolicies (+%d DestinationRules, %d VirtualServices, "
                    .formatted(exports.description, settings.teams() * settings.serviceEntriesPerTeam(),
                            settings.teams() * settings.policiesPerTeam(), settings.teams(), settings.teams())
                    + "%d Gateways) in %d files, %.1f MB; %d sidecars + %d gateways that %s; %s"
                    .formatted(EgressGateway.values().length, settings.teams() + 1, files.bytes() / 1e6,
                            settings.sidecars(), settings.gateways(), settings.consumer() == ScaleSettings.Consumer.COMPILE
                                    ? "re-load and compile what they receive" : "accept what they receive unread (distribution only)",
                            settings.start() == ScaleSettings.Start.WAITING
                                    ? "the proxies run before the control plane starts (a restart)"
                                    : "the proxies connect once the control plane serves"));
            if (settings.start() == ScaleSettings.Start.WAITING) {
                InitCa.inChildJvm(classPath, state, "cluster.local", credentials,
                        nodes.stream().map(n -> n.namespace() + "/" + n.serviceAccount()).toList());
            } else {
                InitCa.inChildJvm(classPath, state, "cluster.local", null, List.of());
            }
            if (settings.start() == ScaleSettings.Start.WAITING) {
                waiting(files, state, credentials, nodes, table);
            } else {
                after(files, state, table);
            }
            table.print(out);
        } finally {
            delete(state);
            delete(credentials);
        }
    }

    /** The proxies connect once the control plane serves. */
    private void after(MeshFiles files, Path state, Table table) throws Exception {
        System.gc();
        Clocks start = Clocks.now();
        ControlPlane controlPlane = ControlPlane.start(new ControlPlaneSettings(List.of(files.resources()),
                Optional.of(files.meshConfig()), state, new InetSocketAddress("127.0.0.1", 0)), Clock.systemUTC());
        Clocks loaded = Clocks.now();
        table.phase("control plane start: load + validate " + files.documents() + " documents", start.until(loaded),
                "includes opening the CA (made beforehand, as by `tollgate ca init`) and binding the port");
        try (controlPlane) {
            Clocks bootstrapping = Clocks.now();
            ProxyFleet fleet = ProxyFleet.bootstrap(controlPlane, settings.sidecars(), settings.gateways(), settings.teams(),
                    settings.consumer());
            table.phase("proxies' join tokens + certificates (not part of the goal)", bootstrapping.until(Clocks.now()),
                    (settings.sidecars() + settings.gateways()) + " CSRs signed");
            try (fleet) {
                connect(controlPlane, fleet, table, start.until(loaded));
                changes(controlPlane, fleet, files, table);
            }
        }
    }

    /**
     * The proxies run before the control plane starts, holding certificates from before (made in the CA's JVM);
     * their first attempt is refused and they retry after their default backoff (0.4-0.5 s). The control plane
     * serves while its files load, so they connect meanwhile and the first version goes to all of them at once.
     */
    private void waiting(MeshFiles files, Path state, Path credentials, List<ProxyNode> nodes, Table table) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ProxyFleet fleet = ProxyFleet.holding(credentials, nodes, settings.consumer())) {
            System.gc();
            fleet.connect(port);
            ListenWatch listen = ListenWatch.start(port);
            Clocks start = Clocks.now();
            ControlPlane controlPlane = ControlPlane.start(new ControlPlaneSettings(List.of(files.resources()),
                    Optional.of(files.meshConfig()), state, new InetSocketAddress("127.0.0.1", port)), Clock.systemUTC());
            Clocks loaded = Clocks.now();
            int connectedAtLoad = controlPlane.status().proxies().size();
            try (controlPlane) {
                table.phase("control plane start: load + validate " + files.documents() + " documents", start.until(loaded),
                        "includes opening the CA (made beforehand) and serving the port while the files load; "
                                + connectedAtLoad + " proxies had connected by its end");
                listen.stop();
                table.moment("  of which: until the port listened", listen.listeningAt() == 0 ? 0 : listen.listeningAt() - start.wallNanos(),
                        "the proxies' first attempt was refused; they retry after 0.4-0.5 s, then 0.8-1.0 s later");
                List<CompilingProxy> all = fleet.proxies();
                Arrivals.Moments arrived = Arrivals.await(all, controlPlane.version());
                Clocks done = Clocks.now();
                table.phase("start until all " + all.size() + " proxies applied " + controlPlane.version(),
                        start.until(arrived.lastApplied(), done), "each re-loads and compiles its snapshot");
                table.moment("**cold start, proxies waiting: load + validate + all received**",
                        arrived.lastReceived() - start.wallNanos(), "goal < 2000 ms");
                Arrivals.awaitAcknowledged(controlPlane, all.size());
                sizes(fleet, table);
                changes(controlPlane, fleet, files, table);
            }
        }
    }

    private void connect(ControlPlane controlPlane, ProxyFleet fleet, Table table, Clocks.Span load) throws IOException {
        List<CompilingProxy> all = fleet.proxies();
        String first = controlPlane.version();
        Clocks connecting = Clocks.now();
        fleet.connect(controlPlane.address().getPort());
        Arrivals.Moments arrived = Arrivals.await(all, first);
        Clocks connected = Clocks.now();
        Clocks.Span connect = connecting.until(arrived.lastApplied(), connected);
        table.phase("connect " + all.size() + " proxies until all applied " + first, connect,
                "each re-loads and compiles its snapshot; all share the machine's cores; gRPC executor CPU %d ms (hellos: "
                        .formatted(Table.ms(connect.grpcCpuNanos())) + "scope, encode; and the clients' decoding)");
        table.moment("  of which: until the last proxy received it", arrived.lastReceived() - connecting.wallNanos(),
                "before its compile");
        table.moment("**cold start: load + validate + all applied**", load.wallNanos() + arrived.lastApplied() - connecting.wallNanos(),
                "goal < 2000 ms; until all received: %d ms".formatted(Table.ms(load.wallNanos() + arrived.lastReceived()
                        - connecting.wallNanos())));
        Arrivals.awaitAcknowledged(controlPlane, all.size());
        sizes(fleet, table);
    }

    private void changes(ControlPlane controlPlane, ProxyFleet fleet, MeshFiles files, Table table) throws IOException {
        for (int r = 1; r <= settings.rounds(); r++) {
            int round = r;
            int team = settings.teams() / 2 + round;
            String file = TeamFile.fileName(team);
            String name = "name: gw-" + TeamFile.namespace(team) + "-0\n";
            change(controlPlane, fleet, table, "one AuthorizationPolicy edited (" + TeamFile.namespace(team) + "), round " + round,
                    d -> d.source().endsWith(file) && d.yaml().contains(name),
                    () -> files.rewrite(team, round, 0));
        }
        for (int r = 1; r <= settings.rounds(); r++) {
            int round = r;
            // The team of sidecar round-1, so that a sidecar holds the entry in both modes.
            int team = settings.sidecars() == 0 ? round - 1 : (int) ((long) (round - 1) * settings.teams() / settings.sidecars());
            String file = TeamFile.fileName(team);
            change(controlPlane, fleet, table, "one ServiceEntry edited (" + TeamFile.namespace(team) + "/db-00), round " + round,
                    d -> d.source().endsWith(file) && d.yaml().contains("kind: ServiceEntry")
                            && d.yaml().contains("name: db-00\n"),
                    () -> files.rewrite(team, 0, round));
        }
    }

    private interface Edit {
        void apply() throws IOException;
    }

    private void change(ControlPlane controlPlane, ProxyFleet fleet, Table table, String what,
                        Predicate<ConfigDocument> edited, Edit edit) throws IOException {
        List<CompilingProxy> holders = fleet.proxies(p -> p.last().orElseThrow().snapshot().documents().stream().anyMatch(edited));
        Map<CompilingProxy, String> before = new LinkedHashMap<>();
        fleet.proxies().forEach(p -> before.put(p, p.last().orElseThrow().snapshot().version()));
        String version = controlPlane.version();
        Clocks start = Clocks.now();
        edit.apply();
        long published = Arrivals.awaitNewVersion(controlPlane, version);
        Arrivals.Moments arrived = holders.isEmpty() ? new Arrivals.Moments(published, published)
                : Arrivals.await(holders, controlPlane.version());
        Clocks end = Clocks.now();
        Arrivals.awaitAcknowledged(controlPlane, before.size());
        List<String> others = before.entrySet().stream().filter(e -> !holders.contains(e.getKey()))
                .filter(e -> !e.getKey().last().orElseThrow().snapshot().version().equals(e.getValue()))
                .map(e -> e.getKey().node().id()).toList();
        table.phase("**" + what + ": file written -> " + holders.size() + " holders applied**",
                start.until(arrived.lastApplied(), end),
                "goal < 200 ms; other proxies pushed: %s; watcher thread CPU %d ms (read, validate, publish, scope, encode)"
                        .formatted(others.isEmpty() ? "none" : others, Table.ms(start.until(end).watcherCpuNanos())));
        table.moment("  of which: file written -> new version in force", published - start.wallNanos(),
                "watch debounce + read + validate");
        table.moment("  of which: file written -> last holder received", arrived.lastReceived() - start.wallNanos(), "");
    }

    private static void delete(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Documents and bytes each kind of proxy received, and what re-loading and compiling it cost one proxy. */
    private static void sizes(ProxyFleet fleet, Table table) throws IOException {
        Map<String, CompilingProxy> byScope = new LinkedHashMap<>();
        for (CompilingProxy proxy : fleet.proxies()) {
            String key = proxy.node().kind() == ProxyKind.SIDECAR ? "sidecar" : "gateway " + proxy.node().namespace();
            byScope.putIfAbsent(key, proxy);
        }
        for (Map.Entry<String, CompilingProxy> entry : byScope.entrySet()) {
            String scope = entry.getKey();
            CompilingProxy proxy = entry.getValue();
            var applied = proxy.last().orElseThrow();
            List<ConfigDocument> documents = applied.snapshot().documents();
            long yaml = documents.stream().mapToLong(d -> d.yaml().getBytes(StandardCharsets.UTF_8).length).sum();
            long pushed = pushedBytes(applied.snapshot());
            double compileCpu = fleet.proxies().stream()
                    .filter(p -> p.node().kind() == proxy.node().kind() && p.node().namespace().equals(proxy.node().namespace())
                            || proxy.node().kind() == ProxyKind.SIDECAR && p.node().kind() == ProxyKind.SIDECAR)
                    .mapToLong(p -> p.last().orElseThrow().compileCpuNanos()).average().orElse(0);
            table.moment("  %s (e.g. %s) receives %d documents".formatted(scope, proxy.node().id(), documents.size()), 0,
                    "YAML %.2f MB, as pushed %.2f MB; re-load + compile %d ms CPU per proxy (mean)"
                            .formatted(yaml / 1e6, pushed / 1e6, Table.ms((long) compileCpu)));
        }
    }

    /** The bytes of a full push of {@code snapshot}, in the layout the control plane sends. */
    private static long pushedBytes(Snapshot snapshot) throws IOException {
        SetDigest digest = SetDigest.EMPTY;
        List<PushedDocument> documents = new ArrayList<>();
        for (ConfigDocument document : snapshot.documents()) {
            DocumentId id = DocumentId.of(document);
            documents.add(new PushedDocument(id.hex(), document));
            digest = digest.plus(id);
        }
        Push push = new Push(snapshot.version(), "1", PushKind.FULL, documents, List.of(), digest.hex());
        try (InputStream bytes = PushDecoding.MARSHALLER.stream(push)) {
            return bytes.readAllBytes().length;
        }
    }
}
