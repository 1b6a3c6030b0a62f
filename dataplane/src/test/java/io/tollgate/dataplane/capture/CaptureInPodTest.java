package io.tollgate.dataplane.capture;

import static io.tollgate.dataplane.pod.PodTesting.COMMANDS;
import static io.tollgate.dataplane.pod.PodTesting.runIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.tollgate.dataplane.pod.HostName;
import io.tollgate.dataplane.pod.Pod;
import io.tollgate.dataplane.pod.PodSpec;
import io.tollgate.dataplane.pod.PodTesting;
import io.tollgate.dataplane.pod.Pods;
import io.tollgate.dataplane.pod.ServiceAddresses;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transparent capture end to end in a real pod: clients inside the pod dial arbitrary addresses, the pod's
 * iptables rules redirect them to a {@link NamespacedListener} served from the root namespace, and
 * {@link OriginalDestination} tells where they were going. Needs root; skipped otherwise.
 */
class CaptureInPodTest {
    private static final String PREFIX = "tg-capture-";
    private static final HostName RDS = HostName.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");

    private final Pods pods = new Pods(PREFIX, COMMANDS);
    private final BlockingQueue<Optional<OriginalDestination>> seen = new LinkedBlockingQueue<>();
    private EventLoopGroup group;
    private Pod pod;
    private InetAddress rdsAddress;

    @BeforeEach
    void createPod() throws Exception {
        PodTesting.assumeRootWithNamespaces();
        pods.removeLeftovers();
        group = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
        rdsAddress = ServiceAddresses.none().assign(List.of(RDS)).addressOf(RDS).orElseThrow();
        pod = pods.create(PodSpec.withHosts(Map.of(RDS, rdsAddress)));
    }

    @AfterEach
    void removePod() throws Exception {
        if (group != null) {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
            pods.removeLeftovers();
        }
    }

    @Test
    void aConnectionToAnyAddressArrivesWithItsOriginalDestination() throws Exception {
        listen(pod.captureAddress(), reporter());

        PodTesting.Ran client = runIn(pod, "bash", "-c", "exec 3<>/dev/tcp/10.1.2.3/3306 && cat <&3");

        assertThat(client.output()).isEqualTo("seen 10.1.2.3:3306\n");
        assertThat(seen.poll(10, TimeUnit.SECONDS)).contains(destination("10.1.2.3", 3306));
    }

    @Test
    void aHostsFileNameArrivesAsItsServiceAddress() throws Exception {
        listen(pod.captureAddress(), reporter());

        PodTesting.Ran client = runIn(pod, "bash", "-c", "exec 3<>/dev/tcp/" + RDS.value() + "/3306 && cat <&3");

        assertThat(client.output()).isEqualTo("seen " + rdsAddress.getHostAddress() + ":3306\n");
        assertThat(seen.poll(10, TimeUnit.SECONDS)).contains(new OriginalDestination(new InetSocketAddress(rdsAddress, 3306)));
    }

    @Test
    void theMysqlClientResolvesThePlaceholderHostThroughThePodsHostsFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mysql")), "skipped: needs the mysql client (mariadb-client)");
        listen(pod.captureAddress(), reporter());

        PodTesting.Ran client = runIn(pod, "mysql", "--no-defaults", "--connect-timeout=10", "--host", RDS.value(),
                "--user=root", "-e", "select 1");

        // Our reporter is no MySQL server, so the client fails after connecting; what matters is where it went.
        assertThat(client.exitStatus()).isNotZero();
        assertThat(seen.poll(10, TimeUnit.SECONDS)).contains(new OriginalDestination(new InetSocketAddress(rdsAddress, 3306)));
    }

    @Test
    void aConnectionStraightToTheCapturePortHasNoOriginalDestination() throws Exception {
        listen(pod.captureAddress(), reporter());

        PodTesting.Ran client = runIn(pod, "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + pod.captureAddress().getPort() + " && cat <&3");

        assertThat(client.output()).isEqualTo("not redirected\n");
        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void ipv6LoopbackIsCapturedToo() throws Exception {
        listen(new InetSocketAddress(InetAddress.getByName("::1"), pod.captureAddress().getPort()), reporter());

        PodTesting.Ran client = runIn(pod, "bash", "-c", "exec 3<>/dev/tcp/::1/5432 && cat <&3");

        assertThat(client.output()).isEqualTo("seen 0:0:0:0:0:0:0:1:5432\n");
        assertThat(seen.poll(10, TimeUnit.SECONDS)).contains(destination("::1", 5432));
    }

    @Test
    void aCapturedConnectionIsRelayedToALoopbackServerFromThePodsSourceAddress() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<InetAddress> upstreamPeer = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> answerOnce(upstream, upstreamPeer));
            InetSocketAddress upstreamAddress = (InetSocketAddress) upstream.getLocalSocketAddress();
            BlockingQueue<OriginalDestination> relayed = new LinkedBlockingQueue<>();
            listen(pod.captureAddress(), new ChannelInitializer<EpollSocketChannel>() {
                @Override
                protected void initChannel(EpollSocketChannel ch) {
                    ch.pipeline().addLast(new PassThroughRelay(upstreamAddress, pod.sourceAddress(), relayed::add));
                }
            });

            PodTesting.Ran client = runIn(pod, "bash", "-c",
                    "exec 3<>/dev/tcp/10.1.2.3/3306 && printf 'ping\\n' >&3 && cat <&3");

            assertThat(client.output()).isEqualTo("pong:ping\n");
            assertThat(relayed.poll(10, TimeUnit.SECONDS)).isEqualTo(destination("10.1.2.3", 3306));
            assertThat(upstreamPeer.get(10, TimeUnit.SECONDS)).isEqualTo(pod.sourceAddress());
        }
    }

    @Test
    void aSocketCreatedInThePodIsCapturedUnlessItCarriesTheSidecarMark() throws Exception {
        listen(pod.captureAddress(), reporter());
        InetSocketAddress target = new InetSocketAddress("10.1.2.3", 3306);

        EpollSocketChannel plain = NamespaceThread.call(pod.namespaceFile(), EpollSocketChannel::new);
        CompletableFuture<String> reply = new CompletableFuture<>();
        ChannelFuture captured = connect(plain, target, reply);
        assertThat(captured.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(captured.isSuccess()).as("unmarked connect %s", captured.cause()).isTrue();
        assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("seen 10.1.2.3:3306\n");

        EpollSocketChannel marked = NamespaceThread.call(pod.namespaceFile(), () -> SocketMark.SIDECAR.channelFactory().newChannel());
        ChannelFuture bypassed = connect(marked, target, new CompletableFuture<>());
        assertThat(bypassed.await(10, TimeUnit.SECONDS)).isTrue();
        // Not redirected, so it heads for the pod's sink interface, where the filter table refuses it at once.
        assertThat(bypassed.cause()).hasMessageContaining("Connection refused");
    }

    @Test
    void failuresNameTheCallTheNamespaceAndTheErrno() throws Exception {
        listen(pod.captureAddress(), reporter());
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).childHandler(reporter());

        assertThatThrownBy(() -> new NamespacedListener(pod.namespaceFile(), pod.captureAddress(), 8).start(bootstrap))
                .isInstanceOf(SyscallException.class)
                .hasMessage("bind(127.0.0.1:" + pod.captureAddress().getPort() + ") in " + pod.name()
                        + " failed: errno 98 (Address already in use)");
        Path missing = Path.of("/run/netns/" + PREFIX + "missing");
        assertThatThrownBy(() -> new NamespacedListener(missing, pod.captureAddress(), 8).start(bootstrap))
                .isInstanceOf(SyscallException.class)
                .hasMessage("open(" + missing + ") failed: errno 2 (No such file or directory)");
    }

    private Channel listen(InetSocketAddress address, ChannelHandler childHandler) throws Exception {
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).childHandler(childHandler);
        Channel channel = new NamespacedListener(pod.namespaceFile(), address, 64).start(bootstrap).sync().channel();
        assertThat(channel.localAddress()).isEqualTo(address);
        return channel;
    }

    /** Records each accepted connection's original destination, tells the client what it saw, and closes. */
    private ChannelHandler reporter() {
        return new ChannelInitializer<EpollSocketChannel>() {
            @Override
            protected void initChannel(EpollSocketChannel ch) throws Exception {
                Optional<OriginalDestination> destination = OriginalDestination.of(ch);
                seen.add(destination);
                String text = destination.map(d -> "seen " + d + "\n").orElse("not redirected\n");
                ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelActive(ChannelHandlerContext ctx) {
                        ctx.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII))
                                .addListener(ChannelFutureListener.CLOSE);
                    }
                });
            }
        };
    }

    private ChannelFuture connect(EpollSocketChannel channel, InetSocketAddress target, CompletableFuture<String> reply) {
        StringBuilder received = new StringBuilder();
        return new Bootstrap().group(group)
                .channelFactory((ChannelFactory<EpollSocketChannel>) () -> channel)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ByteBuf bytes = (ByteBuf) msg;
                        received.append(bytes.toString(StandardCharsets.US_ASCII));
                        bytes.release();
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        reply.complete(received.toString());
                    }
                })
                .connect(target);
    }

    private static void answerOnce(ServerSocket server, CompletableFuture<InetAddress> peer) {
        try (Socket socket = server.accept()) {
            peer.complete(socket.getInetAddress());
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
            out.print("pong:" + line + "\n");
            out.flush();
        } catch (Exception e) {
            peer.completeExceptionally(e);
        }
    }

    private static OriginalDestination destination(String host, int port) {
        return new OriginalDestination(new InetSocketAddress(host, port));
    }
}
