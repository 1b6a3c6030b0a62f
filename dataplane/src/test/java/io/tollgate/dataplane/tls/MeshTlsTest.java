package io.tollgate.dataplane.tls;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.internal.tcnative.SSL;
import io.tollgate.dataplane.relay.Transport;
import io.tollgate.dataplane.testing.TestPki;
import io.tollgate.identity.SpiffeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real TLS 1.3 handshakes over loopback between the mesh server and client contexts. */
class MeshTlsTest {
    private static final SpiffeId GATEWAY = new SpiffeId("cluster.local", "istio-system", "istio-egressgateway-service-account");
    private static final SpiffeId CLIENT = new SpiffeId("cluster.local", "demo-server", "default");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Transport TRANSPORT = Transport.epoll();
    private static EventLoopGroup group;
    private final TestPki mesh = new TestPki("mesh");

    /** What the server side saw of one connection. */
    private record Accepted(boolean success, Optional<SpiffeId> peer, Optional<String> sni, Throwable cause) {
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
                                                MeshServerTls.requestedServerName(handler), null)
                                                : new Accepted(false, Optional.empty(), Optional.empty(), done.cause()));
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
                            private boolean resumed;
                            private Outcome success;

                            @Override
                            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                                if (evt instanceof SslHandshakeCompletionEvent done) {
                                    SslHandler handler = ctx.pipeline().get(SslHandler.class);
                                    if (!done.isSuccess()) {
                                        outcome.complete(new Outcome(false, Optional.empty(), false, null));
                                        return;
                                    }
                                    ReferenceCountedOpenSslEngine engine = (ReferenceCountedOpenSslEngine) handler.engine();
                                    synchronized (engine) {
                                        resumed = SSL.isSessionReused(engine.sslPointer());
                                    }
                                    success = new Outcome(true, Optional.of(tls.peerIdentity(handler)), resumed,
                                            (X509Certificate) engine.getSession().getPeerCertificates()[0]);
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
        return new MeshServerTls(mesh.workload(GATEWAY), TIMEOUT);
    }

    @Test
    void bothSidesLearnTheOthersSpiffeIdAndTheServerSeesTheSni() throws Exception {
        try (Server server = new Server(serverTls())) {
            MeshClientTls client = new MeshClientTls(mesh.workload(CLIENT), TIMEOUT);
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
            MeshClientTls client = new MeshClientTls(mesh.workload(CLIENT), TIMEOUT);
            assertThat(connect(client, server.address(), Optional.empty()).success()).isTrue();
            assertThat(server.accepted().sni()).isEmpty();
        }
    }

    @Test
    void aClientFromAnotherCaIsRefusedAtTheHandshake() throws Exception {
        try (Server server = new Server(serverTls())) {
            TestPki stranger = new TestPki("stranger");
            // The stranger trusts our server (so only the server's check can fail), but its cert is not ours.
            MeshClientTls client = new MeshClientTls(stranger.workload(CLIENT, mesh.authenticator()), TIMEOUT);
            connect(client, server.address(), Optional.empty());
            Accepted accepted = server.accepted();
            assertThat(accepted.success()).isFalse();
            assertThat(HandshakeFailure.classify(accepted.cause())).isEqualTo(HandshakeFailure.PEER_REJECTED);
        }
    }

    @Test
    void aCertificateWithoutSpiffeIdIsRefused() throws Exception {
        try (Server server = new Server(serverTls())) {
            MeshClientTls client = new MeshClientTls(mesh.withoutSpiffeId("client.example.com"), TIMEOUT);
            connect(client, server.address(), Optional.empty());
            assertThat(server.accepted().success()).isFalse();
        }
    }

    @Test
    void theClientRefusesAServerOutsideTheMesh() throws Exception {
        TestPki stranger = new TestPki("stranger");
        try (Server server = new Server(new MeshServerTls(stranger.workload(GATEWAY, mesh.authenticator()), TIMEOUT))) {
            MeshClientTls client = new MeshClientTls(mesh.workload(CLIENT), TIMEOUT);
            assertThat(connect(client, server.address(), Optional.empty()).success()).isFalse();
        }
    }

    @Test
    void theSecondConnectionToTheSameServerResumesItsSession() throws Exception {
        try (Server server = new Server(serverTls())) {
            MeshClientTls client = new MeshClientTls(mesh.workload(CLIENT), TIMEOUT);
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
    void reloadedCredentialsServeNewConnections() throws Exception {
        MeshServerTls tls = serverTls();
        try (Server server = new Server(tls)) {
            MeshClientTls client = new MeshClientTls(mesh.workload(CLIENT), TIMEOUT);
            X509Certificate before = connect(client, server.address(), Optional.empty()).serverLeaf();
            server.accepted();
            tls.reload(mesh.workload(GATEWAY));
            client.reload(mesh.workload(CLIENT));
            X509Certificate after = connect(client, server.address(), Optional.empty()).serverLeaf();
            assertThat(after.getSerialNumber()).isNotEqualTo(before.getSerialNumber());
        }
    }
}
