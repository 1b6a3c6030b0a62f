package io.tollgate.dataplane.capture;

import io.netty.channel.epoll.EpollSocketChannel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a captured connection was going before the pod's {@code iptables -j REDIRECT} sent it to the capture
 * listener: the address the workload dialled, as conntrack remembers it ({@code SO_ORIGINAL_DST}).
 */
public record OriginalDestination(InetSocketAddress address) {
    public OriginalDestination {
        Objects.requireNonNull(address, "address");
    }

    /**
     * Reads the original destination of an accepted connection. Empty when the connection was not redirected:
     * conntrack knows nothing of it ({@code ENOENT}), or its original destination is the listener itself (a
     * client that dialled the capture port directly, which the pod's rules exclude from redirection).
     * Other failures throw, naming the call and errno. Call on the channel's event loop or any thread: it only
     * reads kernel state of the socket.
     */
    public static Optional<OriginalDestination> of(EpollSocketChannel channel) throws SyscallException {
        Optional<OriginalDestination> found = read(channel.fd().intValue(), channel.localAddress());
        return found.filter(d -> !d.address().equals(channel.localAddress()));
    }

    /** The raw reading on a socket fd, for sockets that are not Netty channels; {@code local} picks IPv4 or IPv6. */
    static Optional<OriginalDestination> read(int fd, InetSocketAddress local) throws SyscallException {
        // IPv4 (including IPv4-mapped peers, which Java shows as Inet4Address) is SOL_IP; native IPv6 is
        // SOL_IPV6 with IP6T_SO_ORIGINAL_DST, as ip6tables' REDIRECT records it.
        boolean v6 = local != null && local.getAddress() instanceof Inet6Address;
        int level = v6 ? Libc.SOL_IPV6 : Libc.SOL_IP;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(v6 ? Sockaddr.IN6_SIZE : Sockaddr.IN_SIZE, 8);
            int length = Libc.getsockopt(fd, level, Libc.SO_ORIGINAL_DST, buffer,
                    "getsockopt(fd " + fd + ", " + (v6 ? "SOL_IPV6, IP6T_SO_ORIGINAL_DST" : "SOL_IP, SO_ORIGINAL_DST") + ")");
            return Optional.of(new OriginalDestination(Sockaddr.decode(buffer, length)));
        } catch (SyscallException e) {
            if (e.errno() == Libc.ENOENT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
