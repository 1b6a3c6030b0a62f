package io.tollgate.bench.distribution;

import io.grpc.ChannelCredentials;
import io.tollgate.controlplane.client.ConfigClient;
import io.tollgate.controlplane.client.ConfigClientOptions;
import io.tollgate.controlplane.distribution.ConfigDistributor;
import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.DistributionServer;
import io.tollgate.controlplane.distribution.DistributionService;
import io.tollgate.controlplane.distribution.ProxyKind;
import io.tollgate.controlplane.distribution.ProxyNode;
import io.tollgate.controlplane.distribution.ProxyScope;
import io.tollgate.controlplane.distribution.ValidatedConfig;
import io.tollgate.controlplane.source.ConfigPaths;
import io.tollgate.controlplane.source.ConfigWatcher;
import io.tollgate.controlplane.source.SourceOutcome;
import io.tollgate.controlplane.source.WatchSettings;
import io.tollgate.controlplane.status.SyncState;
import io.tollgate.identity.SpiffeId;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 3's scale figures, measured in one process on loopback with real mTLS: N ServiceEntries plus N
 * AuthorizationPolicies are written as YAML, loaded and validated, and served to P proxy clients (nine sidecars in
 * ten namespaces to one gateway), each scoped to every document (the worst case, default) or, with
 * {@code by-kind}, sidecars to everything but the policies (which only the gateway enforces). Reported: cold start until all proxies applied the
 * first version; a one-policy file change until all applied it; the same change published directly (distribution
 * alone, without file watching and re-validation).
 *
 * <p>Run: {@code java -Xmx4g -cp 'bench/target/classes:bench/target/lib/*'
 * io.tollgate.bench.distribution.DistributionBenchmark [documentsPerKind=10000] [proxies=100] [directRounds=5]
 * [all|by-kind]}
 */
public final class DistributionBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final long POLL = Duration.ofMillis(1).toNanos();

    public static void main(String[] args) throws Exception {
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int proxies = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int directRounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean everything = args.length <= 3 || !args[3].equals("by-kind");
        Path root = Files.createTempDirectory("tollgate-distribution-bench");
        Path dir = Files.createDirectory(root.resolve("resources"));
        List<Path> files = SyntheticConfig.write(dir, perKind, perKind);
        Path mesh = Files.writeString(root.resolve("mesh-config.yaml"), "outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n");
        Clock clock = Clock.systemUTC();
        BenchMeshTls tls = BenchMeshTls.create(root.resolve("ca"), clock);
        System.out.printf("%d ServiceEntries + %d AuthorizationPolicies in %d files, %d proxies, %s%n",
                perKind, perKind, files.size(), proxies, everything ? "every proxy sees every document"
                        : "sidecars see ServiceEntries and the mesh config, gateways see everything");

        long start = System.nanoTime();
        var watcher = new ConfigWatcher<>(new ConfigPaths(List.of(dir), Optional.of(mesh)), new YamlSplittingValidator(),
                new WatchSettings(Duration.ofMillis(50), Duration.ofSeconds(5)), clock);
        SourceOutcome<Map<ConfigDocument, String>> outcome = watcher.loadInitial();
        if (!(outcome instanceof SourceOutcome.Accepted<Map<ConfigDocument, String>>(ValidatedConfig<Map<ConfigDocument, String>> initial))) {
            throw new IllegalStateException("synthetic configuration was refused: " + outcome);
        }
        long loaded = System.nanoTime();
        ProxyScope<Map<ConfigDocument, String>> scope = everything ? (proxy, config) -> config.documents()
                : (proxy, config) -> proxy.kind() == ProxyKind.GATEWAY ? config.documents() : config.documents().stream()
                .filter(d -> !"AuthorizationPolicy".equals(config.parsed().get(d))).toList();
        var distributor = new ConfigDistributor<>(initial, scope, clock);
        var service = new DistributionService<>(distributor, caller -> true, tls.clientVerifier(), clock);
        var server = DistributionServer.start(new InetSocketAddress("127.0.0.1", 0), tls.server(), service,
                List.of());
        watcher.start(distributor);

        // Certificates are the CA's business, not distribution's: issued before the clock starts.
        List<ConfigClientOptions> options = clientOptions(tls, server.address().getPort(), proxies);
        Arrivals arrivals = new Arrivals(proxies);
        long connecting = System.nanoTime();
        long connectingCpu = cpuNanos();
        List<ConfigClient> clients = new ArrayList<>();
        for (ConfigClientOptions option : options) {
            clients.add(ConfigClient.start(option, arrivals.consumer()));
        }
        long allApplied = arrivals.awaitAll(initial.version(), TIMEOUT);
        long connectedCpu = cpuNanos();
        System.out.printf("cold start: load+validate %d documents %d ms; %d proxies connect and apply %d ms (CPU %d ms); total %d ms%n",
                initial.documents().size(), ms(loaded - start), proxies, ms(allApplied - connecting),
                ms(connectedCpu - connectingCpu), ms(loaded - start) + ms(allApplied - connecting));
        awaitAllSynced(distributor, proxies);

        // A change every proxy sees: a policy when all see everything; a ServiceEntry when policies go only to gateways.
        String changedKind = everything ? "policy" : "ServiceEntry";
        for (int round = 1; round <= 3; round++) {
            String before = distributor.current().version();
            long written = System.nanoTime();
            if (everything) {
                SyntheticConfig.changePolicy(dir, perKind, perKind / 2 + round, round % 2 == 1 ? "ALLOW" : "DENY");
            } else {
                SyntheticConfig.changeServiceEntry(dir, perKind, perKind / 2 + round, round % 2 == 1 ? "NONE" : "DNS");
            }
            while (distributor.current().version().equals(before)) {
                LockSupport.parkNanos(POLL); // polling, not spinning: the machine has two cores to share
            }
            long published = System.nanoTime();
            long applied = arrivals.awaitAll(distributor.current().version(), TIMEOUT);
            System.out.printf("one-%s file change %d: watch+read+validate %d ms; publish -> all %d proxies applied %d ms; total %d ms%n",
                    changedKind, round, ms(published - written), proxies, ms(applied - published), ms(applied - written));
        }

        for (int round = 1; round <= directRounds; round++) {
            ValidatedConfig<Map<ConfigDocument, String>> changed = withOneDocumentChanged(distributor.current(), round, everything);
            long cpu = cpuNanos();
            long published = System.nanoTime();
            distributor.accepted(changed);
            long handedOver = System.nanoTime();
            long applied = arrivals.awaitAll(changed.version(), TIMEOUT);
            System.out.printf("one-%s change published directly %d: server side %d ms; all %d proxies applied in %d ms (CPU %d ms)%n",
                    changedKind, round, ms(handedOver - published), proxies, ms(applied - published), ms(cpuNanos() - cpu));
        }
        awaitAllSynced(distributor, proxies);

        for (ConfigClient client : clients) {
            client.close();
        }
        server.stop(Duration.ofSeconds(5));
        watcher.close();
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static List<ConfigClientOptions> clientOptions(BenchMeshTls tls, int port, int proxies) throws Exception {
        Map<SpiffeId, ChannelCredentials> credentials = new HashMap<>();
        List<ConfigClientOptions> options = new ArrayList<>();
        for (int i = 0; i < proxies; i++) {
            boolean gateway = i % 10 == 9;
            ProxyNode node = gateway
                    ? new ProxyNode("egress-" + i, ProxyKind.GATEWAY, "istio-system", "istio-egressgateway",
                    Map.of("app", "istio-egressgateway"))
                    : new ProxyNode("sidecar-" + i, ProxyKind.SIDECAR, "team-" + (i % 10), "app", Map.of("app", "db-client"));
            SpiffeId id = new SpiffeId("cluster.local", node.namespace(), node.serviceAccount());
            ChannelCredentials channel = credentials.get(id);
            if (channel == null) {
                channel = tls.client(id);
                credentials.put(id, channel);
            }
            options.add(ConfigClientOptions.of("127.0.0.1", port, channel, node));
        }
        return options;
    }

    /** The config with one document edited in place: a policy's action, or a ServiceEntry's resolution. */
    private static <T> ValidatedConfig<T> withOneDocumentChanged(ValidatedConfig<T> config, int round, boolean policy) {
        String kind = policy ? "kind: AuthorizationPolicy" : "kind: ServiceEntry";
        String[] variants = policy ? new String[]{"action: DENY", "action: ALLOW"} : new String[]{"resolution: DNS", "resolution: NONE"};
        List<ConfigDocument> documents = new ArrayList<>(config.documents());
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i).yaml().contains(kind)) {
                candidates.add(i);
            }
        }
        int index = candidates.get(candidates.size() - 1 - round % candidates.size()); // a different one each round
        ConfigDocument document = documents.get(index);
        String yaml = document.yaml().contains(variants[0])
                ? document.yaml().replace(variants[0], variants[1])
                : document.yaml().replace(variants[1], variants[0]);
        documents.set(index, new ConfigDocument(document.source(), document.line(), yaml));
        return new ValidatedConfig<>("direct-" + round, documents, config.parsed());
    }

    private static void awaitAllSynced(ConfigDistributor<?> distributor, int proxies) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            var status = distributor.status();
            if (status.proxies().size() == proxies
                    && status.proxies().stream().allMatch(p -> p.sync() == SyncState.SYNCED)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every proxy acknowledged: " + status);
            }
            LockSupport.parkNanos(POLL);
        }
    }

    /** CPU time of the whole process (server and every client), which the other tenants of the machine do not inflate. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
