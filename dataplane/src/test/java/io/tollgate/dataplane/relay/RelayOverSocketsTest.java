package io.tollgate.dataplane.relay;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.tollgate.dataplane.testing.DigestSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay pieces composed over real epoll sockets: a plain TCP proxy in front of a digest sink. */
class RelayOverSocketsTest {
    private static final Transport TRANSPORT = Transport.epoll();
    private static EventLoopGroup group;

    @BeforeAll
    static void start() {
        group = TRANSPORT.newEventLoopGroup(1, "relay-test");
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static Channel proxyTo(InetSocketAddress target) {
        UpstreamDialer dialer = new UpstreamDialer(TRANSPORT, Duration.ofSeconds(5));
        return new ServerBootstrap().group(group).channel(TRANSPORT.serverChannelType())
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel client) {
                        client.pipeline().addLast(new InputHold(), new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                dialer.dial(client, target, new ChannelInitializer<>() {
                                    @Override
                                    protected void initChannel(Channel up) {
                                        up.pipeline().addLast(new RelayHandler(client));
                                    }
                                }).addListener((ChannelFuture connected) -> {
                                    if (!connected.isSuccess()) {
                                        client.close();
                                        return;
                                    }
                                    ctx.pipeline().remove(this);
                                    Relay.start(client, connected.channel());
                                });
                            }
                        });
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    }

    @Test
    void bytesSentThenHalfClosedImmediatelyAllArriveAndTheAnswerComesBack() throws Exception {
        try (DigestSink sink = new DigestSink()) {
            Channel proxy = proxyTo(sink.address());
            try (Socket socket = new Socket()) {
                socket.connect(proxy.localAddress());
                byte[] payload = "hello through the relay".getBytes(StandardCharsets.UTF_8);
                socket.getOutputStream().write(payload);
                socket.shutdownOutput();
                byte[] digest = socket.getInputStream().readAllBytes();
                assertThat(HexFormat.of().formatHex(digest))
                        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload)));
            } finally {
                proxy.close().syncUninterruptibly();
            }
        }
    }
}
