package io.tollgate.dataplane.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A loopback listener that never answers a new connection, as a blackholed database does: its accept queue is
 * full and nobody accepts, so the kernel drops every further SYN and a connect to it stays in flight (SYN_SENT)
 * until the connecting side gives up. {@link #connectsInFlight} counts those connects from the kernel's own table.
 */
public final class SilentUpstream implements AutoCloseable {
    private static final int BACKLOG = 1;
    /** Long beside a loopback handshake (done inside the connect call), short beside the first SYN retry (1 s). */
    private static final int UNANSWERED_MILLIS = 500;
    private static final int TCP_SYN_SENT = 0x02;
    /** {@code ::ffff:0:0/96} as the kernel prints it, four 32-bit words each in host (little-endian) byte order. */
    private static final String IPV4_MAPPED = "0000000000000000FFFF0000";
    private final ServerSocket server;
    private final List<Socket> queued = new ArrayList<>();

    public SilentUpstream() throws IOException {
        server = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
        for (int i = 0; i <= BACKLOG + 8; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(address(), UNANSWERED_MILLIS);
                queued.add(filler);
            } catch (SocketTimeoutException unanswered) {
                filler.close();
                return;
            }
        }
        close();
        throw new IllegalStateException("the listener's accept queue never filled: connects to it are still answered");
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /**
     * How many sockets of this network namespace are in SYN_SENT towards this listener now, from the kernel's tables:
     * {@code /proc/net/tcp}, and {@code /proc/net/tcp6} for the IPv4-mapped addresses of dual-stack sockets (Netty's
     * epoll transport makes those).
     */
    public long connectsInFlight() {
        String ipv4 = String.format(Locale.ROOT, "%08X", Integer.reverseBytes(ipv4(address().getAddress())));
        String port = String.format(Locale.ROOT, "%04X", address().getPort());
        return synSentTo(Path.of("/proc/net/tcp"), ipv4 + ":" + port)
                + synSentTo(Path.of("/proc/net/tcp6"), IPV4_MAPPED + ipv4 + ":" + port);
    }

    private static long synSentTo(Path table, String remote) {
        try {
            return Files.readAllLines(table).stream().skip(1)
                    .map(line -> line.trim().split("\\s+"))
                    .filter(fields -> fields[2].equals(remote) && Integer.parseInt(fields[3], 16) == TCP_SYN_SENT)
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int ipv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : queued) {
            socket.close();
        }
        server.close();
    }
}
