package io.tollgate.controlplane.distribution;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsServerCredentials;
import io.tollgate.controlplane.client.Backoff;
import io.tollgate.controlplane.client.ConfigClient;
import io.tollgate.controlplane.client.ConfigClientOptions;
import io.tollgate.controlplane.client.SnapshotConsumer;
import io.tollgate.controlplane.source.ConfigPaths;
import io.tollgate.controlplane.source.ConfigWatcher;
import io.tollgate.controlplane.source.SourceOutcome;
import io.tollgate.controlplane.source.WatchSettings;
import io.tollgate.controlplane.status.StatusClient;
import io.tollgate.controlplane.status.StatusReport;
import io.tollgate.identity.SpiffeId;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A whole control plane as the CLI will wire it, on a loopback port with real mTLS: watcher, validator, distributor,
 * gRPC server; plus a status channel with an admin certificate and a way to connect proxy clients.
 */
public final class TestControlPlane implements AutoCloseable {
    public static final SpiffeId CONTROL_PLANE = new SpiffeId("cluster.local", "istio-system", "istiod");
    public static final SpiffeId ADMIN = new SpiffeId("cluster.local", "istio-system", "tollgate-admin");
    public static final Backoff FAST_BACKOFF = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 2.0, 0.2);

    private final TestPki pki;
    private final ConfigWatcher<YamlTestValidator.Namespaces> watcher;
    private final ConfigDistributor<YamlTestValidator.Namespaces> distributor;
    private final DistributionServer server;
    private final ManagedChannel statusChannel;

    private TestControlPlane(TestPki pki, ConfigWatcher<YamlTestValidator.Namespaces> watcher,
                             ConfigDistributor<YamlTestValidator.Namespaces> distributor, DistributionServer server,
                             ManagedChannel statusChannel) {
        this.pki = pki;
        this.watcher = watcher;
        this.distributor = distributor;
        this.server = server;
        this.statusChannel = statusChannel;
    }

    public static TestControlPlane start(TestPki pki, ConfigPaths paths, InetSocketAddress address) throws Exception {
        return start(pki, paths, address, new NamespaceScope());
    }

    public static TestControlPlane start(TestPki pki, ConfigPaths paths, InetSocketAddress address,
                                         ProxyScope<YamlTestValidator.Namespaces> scope) throws Exception {
        Clock clock = Clock.systemUTC();
        var watcher = new ConfigWatcher<>(paths, new YamlTestValidator(),
                new WatchSettings(Duration.ofMillis(50), Duration.ofSeconds(1)), clock);
        if (!(watcher.loadInitial() instanceof SourceOutcome.Accepted<YamlTestValidator.Namespaces>(var initial))) {
            watcher.close();
            throw new AssertionError("the initial test configuration must be valid");
        }
        var distributor = new ConfigDistributor<>(initial, scope, clock);
        var service = new DistributionService<>(distributor, ADMIN::equals, pki.verifier(), clock);
        var server = DistributionServer.start(address,
                pki.serverCredentials(pki.issue(CONTROL_PLANE), TlsServerCredentials.ClientAuth.OPTIONAL), service, List.of());
        watcher.start(distributor);
        ManagedChannel status = Grpc.newChannelBuilderForAddress("127.0.0.1", server.address().getPort(),
                pki.channelCredentials(pki.issue(ADMIN))).build();
        return new TestControlPlane(pki, watcher, distributor, server, status);
    }

    public static TestControlPlane start(TestPki pki, ConfigPaths paths) throws Exception {
        return start(pki, paths, new InetSocketAddress("127.0.0.1", 0));
    }

    public ConfigDistributor<YamlTestValidator.Namespaces> distributor() {
        return distributor;
    }

    public String version() {
        return distributor.current().version();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public StatusReport status() {
        return new StatusClient(statusChannel).fetch(Duration.ofSeconds(10));
    }

    /** A proxy client whose certificate says {@code certificate} and whose hello says {@code node}. */
    public ConfigClient connect(ProxyNode node, SpiffeId certificate, SnapshotConsumer consumer) throws Exception {
        return connect(pki, address().getPort(), node, certificate, consumer);
    }

    public static ConfigClient connect(TestPki pki, int port, ProxyNode node, SpiffeId certificate,
                                       SnapshotConsumer consumer) throws Exception {
        var options = ConfigClientOptions.of("127.0.0.1", port, pki.channelCredentials(pki.issue(certificate)), node)
                .withBackoff(FAST_BACKOFF);
        return ConfigClient.start(options, consumer);
    }

    @Override
    public void close() throws Exception {
        statusChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop(Duration.ofSeconds(5));
        watcher.close();
    }
}
