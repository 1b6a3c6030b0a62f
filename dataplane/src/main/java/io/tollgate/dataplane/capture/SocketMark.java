package io.tollgate.dataplane.capture;

import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelException;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The firewall mark ({@code SO_MARK}) the sidecar puts on its own outbound sockets. A pod's capture rules
 * skip packets carrying it, as Istio skips its proxies' mark 0x539 (1337), so a sidecar socket that lives
 * in a pod's namespace is never redirected back to the sidecar. Setting a mark needs CAP_NET_ADMIN.
 */
public record SocketMark(int value) {
    /** Tollgate's mark: Istio's 1337, so an operator who knows Istio's rules reads ours at once. */
    public static final SocketMark SIDECAR = new SocketMark(0x539);

    public SocketMark {
        if (value == 0) {
            throw new IllegalArgumentException("mark 0 is every unmarked packet's mark; pick a non-zero mark");
        }
    }

    /** Sets this mark on a socket. */
    public void applyTo(int fd) throws SyscallException {
        Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_MARK, value, "setsockopt(fd " + fd + ", SOL_SOCKET, SO_MARK, " + hex() + ")");
    }

    /** Reads the mark a socket carries (0 when none). */
    public static int readFrom(int fd) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ValueLayout.JAVA_INT);
            Libc.getsockopt(fd, Libc.SOL_SOCKET, Libc.SO_MARK, v, "getsockopt(fd " + fd + ", SOL_SOCKET, SO_MARK)");
            return v.get(ValueLayout.JAVA_INT, 0);
        }
    }

    /**
     * A channel factory for {@code Bootstrap.channelFactory(...)}: each channel's socket is created and marked
     * before the bootstrap registers or connects it, so not even the SYN leaves unmarked. Netty has no
     * SO_MARK channel option, hence the factory. A mark that cannot be set fails the connect (fail closed).
     */
    public ChannelFactory<EpollSocketChannel> channelFactory() {
        // Loads Netty's epoll library (or says clearly why it cannot): constructing a channel needs it, and no
        // event loop group may have loaded it yet.
        Epoll.ensureAvailability();
        return () -> {
            EpollSocketChannel channel = new EpollSocketChannel();
            try {
                applyTo(channel.fd().intValue());
            } catch (SyscallException e) {
                channel.unsafe().closeForcibly();
                throw new ChannelException(e.getMessage(), e);
            }
            return channel;
        };
    }

    public String hex() {
        return "0x" + Integer.toHexString(value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
