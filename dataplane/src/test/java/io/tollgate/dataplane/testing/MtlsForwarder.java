package io.tollgate.dataplane.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandler;
import io.tollgate.dataplane.relay.InputHold;
import io.tollgate.dataplane.relay.Relay;
import io.tollgate.dataplane.relay.RelayHandler;
import io.tollgate.dataplane.relay.Transport;
import io.tollgate.dataplane.relay.UpstreamDialer;
import io.tollgate.dataplane.tls.MeshClientTls;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Plays the sidecar in gateway tests: a plaintext listener on 127.0.0.1 whose every connection is carried over
 * mesh mTLS (client certificate, chosen SNI) to the gateway. Built from the data plane's own relay pieces.
 */
public final class MtlsForwarder implements AutoCloseable {
    private final Channel server;

    private MtlsForwarder(Channel server) {
        this.server = server;
    }

    public static MtlsForwarder start(Transport transport, EventLoopGroup group, MeshClientTls tls,
                                      InetSocketAddress gateway, Optional<String> sni) {
        UpstreamDialer dialer = new UpstreamDialer(transport, Duration.ofSeconds(10));
        Channel server = new ServerBootstrap().group(group).channel(transport.serverChannelType())
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel client) {
                        client.pipeline().addLast(new InputHold(), new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                connect(client, dialer, tls, gateway, sni);
                            }
                        });
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
        return new MtlsForwarder(server);
    }

    private static void connect(Channel client, UpstreamDialer dialer, MeshClientTls tls, InetSocketAddress gateway,
                                Optional<String> sni) {
        SslHandler[] tlsHandler = new SslHandler[1];
        dialer.dial(client, gateway, new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel up) {
                tlsHandler[0] = tls.newHandler(up.alloc(), gateway, sni);
                up.pipeline().addLast("tls", tlsHandler[0])
                        .addLast("relay", new RelayHandler(client))
                        .addLast("end", new ChannelInboundHandlerAdapter() {
                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                ctx.close();
                            }
                        });
            }
        }).addListener(connected -> {
            if (!connected.isSuccess()) {
                client.close();
                return;
            }
            Channel up = ((io.netty.channel.ChannelFuture) connected).channel();
            up.read(); // AUTO_READ is off: let the handshake read
            tlsHandler[0].handshakeFuture().addListener(handshake -> {
                if (!handshake.isSuccess()) {
                    Relay.closeOnFlush(client);
                    return;
                }
                Relay.start(client, up);
            });
        });
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }
}
