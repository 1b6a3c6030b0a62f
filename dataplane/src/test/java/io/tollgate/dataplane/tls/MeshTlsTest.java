package io.tollgate.dataplane.tls;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.Transport;
import io.tollgate.dataplane.testing.TestPki;
import io.tollgate.identity.PeerRejectedException;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.SpiffeTrustManager;
import io.tollgate.identity.WorkloadCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Real TLS 1.3 handshakes over loopback between the mesh server and client contexts. */
class MeshTlsTest {
    private static final SpiffeId GATEWAY = new SpiffeId("cluster.local", "istio-system", "istio-egressgateway-service-account");
    private static final SpiffeId CLIENT = new SpiffeId("cluster.local", "demo-server", "default");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Transport TRANSPORT = Transport.epoll();
    private static EventLoopGroup group;
    private final TestPki mesh = new TestPki();

    /** What the server side saw of one connection. */
    private record Accepted(boolean success, Optional<SpiffeId> peer, Optional<String> sni, X509Certificate clientLeaf,
                            Throwable cause) {
    }

    /** What the client side saw. */
    private record Outcome(boolean success, Optional<SpiffeId> peer, boolean resumed, X509Certificate serverLeaf) {
    }

    @BeforeAll
    static void startLoops() {
        group = TRANSPORT.newEventLoopGroup(2, "tls-test");
    }

    @AfterAll
    static void stopLoops() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Server implements AutoCloseable {
        final Channel channel;
        volatile CompletableFuture<Accepted> next = new CompletableFuture<>();

        Server(MeshServerTls tls) {
            channel = new ServerBootstrap().group(group).channel(TRANSPORT.serverChannelType())
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()), new ChannelInboundHandlerAdapter() {
                                @Override
                                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                                    if (evt instanceof SslHandshakeCompletionEvent done) {
                                        SslHandler handler = ctx.pipeline().get(SslHandler.class);
                                        if (done.isSuccess()) {
                                            ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte('!'));
                                        }
                                        next.complete(done.isSuccess()
                                                ? new Accepted(true, Optional.of(tls.peerIdentity(handler)),
                                                MeshServerTls.requestedServerName(handler),
                                                (X509Certificate) handler.engine().getSession().getPeerCertificates()[0], null)
                                                : new Accepted(false, Optional.empty(), Optional.empty(), null, done.cause()));
                                    }
                                }

                                @Override
                                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                    ctx.close();
                                }
                            });
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
        }

        InetSocketAddress address() {
            return (InetSocketAddress) channel.localAddress();
        }

        Accepted accepted() throws Exception {
            Accepted result = next.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            next = new CompletableFuture<>();
            return result;
        }

        @Override
        public void close() {
            channel.close().syncUninterruptibly();
        }
    }

    private Outcome connect(MeshClientTls tls, InetSocketAddress server, Optional<String> sni) throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Channel ch = new Bootstrap().group(group).channel(TRANSPORT.socketChannelType())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel c) {
                        c.pipeline().addLast(tls.newHandler(c.alloc(), server, sni), new ChannelInboundHandlerAdapter() {
                            private Outcome success;

                            @Override
                            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                                if (evt instanceof SslHandshakeCompletionEvent done) {
                                    SslHandler handler = ctx.pipeline().get(SslHandler.class);
                                    if (!done.isSuccess()) {
                                        outcome.complete(new Outcome(false, Optional.empty(), false, null));
                                        return;
                                    }
                                    success = new Outcome(true, Optional.of(tls.peerIdentity(handler)),
                                            MeshClientTls.resumed(handler),
                                            (X509Certificate) handler.engine().getSession().getPeerCertificates()[0]);
                                }
                            }

                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                // The server's first byte comes after its session ticket: now the ticket is cached.
                                io.netty.util.ReferenceCountUtil.release(msg);
                                outcome.complete(success);
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                outcome.complete(new Outcome(false, Optional.empty(), false, null));
                                ctx.close();
                            }
                        });
                    }
                }).connect(server).syncUninterruptibly().channel();
        try {
            return outcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            ch.close().syncUninterruptibly();
        }
    }

    private MeshServerTls serverTls() {
        return mesh.serverTls(GATEWAY, TIMEOUT);
    }

    @Test
    void bothSidesLearnTheOthersSpiffeIdAndTheServerSeesTheSni() throws Exception {
        try (Server server = new Server(serverTls())) {
            MeshClientTls client = mesh.clientTls(CLIENT, TIMEOUT);
            Outcome outcome = connect(client, server.address(), Optional.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com"));
            assertThat(outcome.success()).isTrue();
            assertThat(outcome.peer()).contains(GATEWAY);
            Accepted accepted = server.accepted();
            assertThat(accepted.peer()).contains(CLIENT);
            assertThat(accepted.sni()).contains("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
        }
    }

    @Test
    void noSniIsSentWhenTheRouteHasNone() throws Exception {
        try (Server server = new Server(serverTls())) {
            assertThat(connect(mesh.clientTls(CLIENT, TIMEOUT), server.address(), Optional.empty()).success()).isTrue();
            assertThat(server.accepted().sni()).isEmpty();
        }
    }

    @Test
    void aClientFromAnotherCaIsRefusedAtTheHandshakeAndTheObserverHearsWhy() throws Exception {
        CompletableFuture<PeerRejectedException> rejected = new CompletableFuture<>();
        WorkloadCredentials gateway = mesh.credentials(GATEWAY);
        MeshServerTls tls = new MeshServerTls(() -> gateway, mesh.verifier(), rejectionsTo(rejected), TIMEOUT);
        try (Server server = new Server(tls)) {
            TestPki stranger = new TestPki();
            WorkloadCredentials outsider = stranger.credentials(CLIENT);
            // The stranger trusts our server (so only the server's check can fail), but its certificate is not ours.
            MeshClientTls client = new MeshClientTls(() -> outsider, mesh.verifier(), SpiffeTrustManager.Observer.NONE, TIMEOUT);
            connect(client, server.address(), Optional.empty());
            Accepted accepted = server.accepted();
            assertThat(accepted.success()).isFalse();
            assertThat(HandshakeFailure.classify(accepted.cause())).isEqualTo(HandshakeFailure.PEER_REJECTED);
            assertThat(rejected.get(10, TimeUnit.SECONDS).reason()).isEqualTo(PeerRejectedException.Reason.UNTRUSTED_CA);
        }
    }

    @Test
    void theClientRefusesAServerOutsideTheMeshAndCountsIt() throws Exception {
        TestPki stranger = new TestPki();
        WorkloadCredentials impostor = stranger.credentials(GATEWAY);
        MeshServerTls tls = new MeshServerTls(() -> impostor, mesh.verifier(), SpiffeTrustManager.Observer.NONE, TIMEOUT);
        try (Server server = new Server(tls)) {
            ProxyMetrics metrics = new ProxyMetrics();
            MeshClientTls client = mesh.clientTls(CLIENT, TIMEOUT, metrics);
            assertThat(connect(client, server.address(), Optional.empty()).success()).isFalse();
            assertThat(metrics.count("tollgate.peer.rejections", "reason", "untrusted_ca")).isEqualTo(1);
        }
    }

    @Test
    void theSecondConnectionToTheSameServerResumesItsSession() throws Exception {
        try (Server server = new Server(serverTls())) {
            MeshClientTls client = mesh.clientTls(CLIENT, TIMEOUT);
            Outcome first = connect(client, server.address(), Optional.of("db.example.com"));
            server.accepted();
            Outcome second = connect(client, server.address(), Optional.of("db.example.com"));
            assertThat(first.resumed()).isFalse();
            assertThat(second.resumed()).isTrue();
            assertThat(second.peer()).contains(GATEWAY);
            assertThat(server.accepted().peer()).as("a resumed session still yields the client's identity").contains(CLIENT);
        }
    }

    @Test
    void aRotatedServerCertificateIsPresentedToNewConnections() throws Exception {
        AtomicReference<WorkloadCredentials> gateway = new AtomicReference<>(mesh.credentials(GATEWAY));
        MeshServerTls tls = new MeshServerTls(gateway::get, mesh.verifier(), SpiffeTrustManager.Observer.NONE, TIMEOUT);
        try (Server server = new Server(tls)) {
            X509Certificate before = connect(mesh.clientTls(CLIENT, TIMEOUT), server.address(), Optional.empty()).serverLeaf();
            server.accepted();
            gateway.set(mesh.credentials(GATEWAY));
            X509Certificate after = connect(mesh.clientTls(CLIENT, TIMEOUT), server.address(), Optional.empty()).serverLeaf();
            assertThat(after).isNotEqualTo(before);
            assertThat(after).isEqualTo(gateway.get().leaf());
        }
    }

    @Test
    void aRotatedClientCertificateStartsAFullHandshakeInsteadOfResumingTheOldSession() throws Exception {
        try (Server server = new Server(serverTls())) {
            AtomicReference<WorkloadCredentials> workload = new AtomicReference<>(mesh.credentials(CLIENT));
            MeshClientTls client = new MeshClientTls(workload::get, mesh.verifier(), SpiffeTrustManager.Observer.NONE, TIMEOUT);
            connect(client, server.address(), Optional.empty());
            assertThat(server.accepted().clientLeaf()).isEqualTo(workload.get().leaf());
            workload.set(mesh.credentials(CLIENT));
            Outcome rotated = connect(client, server.address(), Optional.empty());
            assertThat(rotated.resumed()).isFalse();
            assertThat(server.accepted().clientLeaf()).isEqualTo(workload.get().leaf());
        }
    }

    @Test
    void aNewTrustBundleDecidesNewHandshakes() throws Exception {
        MeshServerTls tls = serverTls();
        try (Server server = new Server(tls)) {
            assertThat(connect(mesh.clientTls(CLIENT, TIMEOUT), server.address(), Optional.empty()).success()).isTrue();
            server.accepted();
            tls.trust(new TestPki().verifier());
            connect(mesh.clientTls(CLIENT, TIMEOUT), server.address(), Optional.empty());
            assertThat(server.accepted().success()).as("our clients are strangers to the new bundle").isFalse();
        }
    }

    private static SpiffeTrustManager.Observer rejectionsTo(CompletableFuture<PeerRejectedException> rejected) {
        return new SpiffeTrustManager.Observer() {
            @Override
            public void accepted(SpiffeId peer) {
            }

            @Override
            public void rejected(PeerRejectedException rejection) {
                rejected.complete(rejection);
            }
        };
    }
}
