package io.tollgate.dataplane.observe;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.tollgate.dataplane.relay.Transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The proxy's admin endpoint: {@code GET /metrics} (Prometheus text) and {@code GET /ready} (200 when ready, 503
 * before). HTTP/1.0-style: one request per connection, answered and closed. Meant for 127.0.0.1 only; it has no
 * authentication, like Envoy's admin port.
 */
public final class AdminServer implements AutoCloseable {
    private static final int MAX_LINE = 8192;
    private final Channel serverChannel;

    private AdminServer(Channel serverChannel) {
        this.serverChannel = serverChannel;
    }

    /** The default admin address: loopback only, a free port (so many proxies fit on one host); printed at start. */
    public static InetSocketAddress loopbackEphemeral() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    /**
     * Binds and returns once listening; port 0 picks a free one (see {@link #address()}).
     *
     * @throws IllegalStateException naming the address when it cannot be bound
     */
    public static AdminServer start(Transport transport, EventLoopGroup group, InetSocketAddress bind,
                                    ProxyMetrics metrics, BooleanSupplier ready) {
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannelType())
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new LineBasedFrameDecoder(MAX_LINE), new Responder(metrics, ready));
                    }
                })
                .bind(bind).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("admin: cannot listen on " + bind + ": " + bound.cause().getMessage(), bound.cause());
        }
        return new AdminServer(bound.channel());
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }

    /** Reads the request line, skips headers up to the blank line, answers, closes. */
    private static final class Responder extends SimpleChannelInboundHandler<ByteBuf> {
        private final ProxyMetrics metrics;
        private final BooleanSupplier ready;
        private String requestLine;

        Responder(ProxyMetrics metrics, BooleanSupplier ready) {
            this.metrics = metrics;
            this.ready = ready;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
            String text = line.toString(StandardCharsets.ISO_8859_1).strip();
            if (requestLine == null) {
                requestLine = text;
            } else if (text.isEmpty()) {
                answer(ctx, requestLine);
            }
        }

        private void answer(ChannelHandlerContext ctx, String request) {
            String[] parts = request.split(" ");
            String path = parts.length >= 2 && parts[0].equals("GET") ? parts[1] : "";
            switch (path) {
                case "/metrics" -> respond(ctx, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
                case "/ready" -> respond(ctx, ready.getAsBoolean() ? 200 : 503, "text/plain",
                        ready.getAsBoolean() ? "ready\n" : "not ready\n");
                default -> respond(ctx, 404, "text/plain", "try /metrics or /ready\n");
            }
        }

        private static void respond(ChannelHandlerContext ctx, int status, String type, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String reason = switch (status) {
                case 200 -> "OK";
                case 503 -> "Service Unavailable";
                default -> "Not Found";
            };
            String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            ByteBuf out = ctx.alloc().buffer(head.length() + bytes.length);
            out.writeCharSequence(head, StandardCharsets.ISO_8859_1);
            out.writeBytes(bytes);
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A malformed or oversized request line: nothing to answer, just hang up.
            ctx.close();
        }
    }
}
