package io.tollgate.dataplane.capture;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A TCP listener that lives in a pod's network namespace but is served by this process from the root
 * namespace, as ztunnel's in-pod mode does: the socket is created, bound and put to listen inside the pod
 * ({@link NamespaceThread}), then handed to Netty as an {@link EpollServerSocketChannel}. Accepted connections
 * are {@code EpollSocketChannel}s in the pod's namespace; {@link OriginalDestination#of} reads where they were
 * going. Sockets the handlers open themselves (to the gateway) are ordinary root-namespace sockets.
 *
 * @param namespaceFile the namespace handle, e.g. {@code /var/run/netns/tg-1}
 * @param address       where to listen inside the namespace, e.g. {@code 127.0.0.1:15001}
 * @param backlog       the listen(2) backlog
 */
public record NamespacedListener(Path namespaceFile, InetSocketAddress address, int backlog) {
    public NamespacedListener {
        Objects.requireNonNull(namespaceFile, "namespaceFile");
        Objects.requireNonNull(address, "address");
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be positive, got " + backlog);
        }
    }

    /**
     * Opens the socket in the namespace and serves it with a copy of {@code bootstrap} (its groups, child
     * handler and child options). The bootstrap must use an epoll event loop group and must not name a channel
     * class or factory: the channel is the one wrapping the namespace's socket. The returned future completes once the
     * channel is registered; connections that arrive earlier wait in the kernel's backlog, since the socket
     * already listens when this method returns. Closing the channel closes the socket.
     *
     * @throws SyscallException naming the failed call (open of the namespace, setns, socket, bind, listen)
     */
    public ChannelFuture start(ServerBootstrap bootstrap) throws IOException {
        Epoll.ensureAvailability(); // before the socket exists, so a missing native library leaks nothing
        int fd = NamespaceThread.call(namespaceFile, this::openListeningSocket);
        EpollServerSocketChannel channel;
        try {
            channel = new EpollServerSocketChannel(fd);
        } catch (RuntimeException e) {
            Libc.close(fd, "close(fd " + fd + ")");
            throw e;
        }
        // Accepting starts only after ServerBootstrap's acceptor is in the pipeline: it is added by a task the
        // registration queues on the event loop, and our task is queued after it. Without this, a connection
        // already waiting in the backlog could be accepted by a pipeline with no acceptor and be lost.
        ChannelFuture registered = bootstrap.clone()
                .channelFactory((ChannelFactory<EpollServerSocketChannel>) () -> channel)
                .option(ChannelOption.AUTO_READ, false)
                .register();
        registered.addListener(f -> {
            if (f.isSuccess()) {
                channel.eventLoop().execute(() -> channel.config().setAutoRead(true));
            }
        });
        return registered;
    }

    // Runs on the namespace thread: everything here happens inside the pod's namespace.
    private Integer openListeningSocket() throws SyscallException {
        String where = " in " + namespaceFile.getFileName();
        int fd = Libc.socket(Sockaddr.family(address), Libc.SOCK_STREAM | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC,
                "socket(" + (Sockaddr.family(address) == Libc.AF_INET6 ? "AF_INET6" : "AF_INET") + ", SOCK_STREAM)" + where);
        try {
            Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, 1, "setsockopt(SO_REUSEADDR)" + where);
            try (Arena arena = Arena.ofConfined()) {
                Libc.bind(fd, Sockaddr.encode(address, arena), "bind(" + address.getAddress().getHostAddress() + ":"
                        + address.getPort() + ")" + where);
            }
            Libc.listen(fd, backlog, "listen(backlog " + backlog + ")" + where);
            return fd;
        } catch (SyscallException e) {
            try {
                Libc.close(fd, "close(fd " + fd + ")" + where);
            } catch (SyscallException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }
}
