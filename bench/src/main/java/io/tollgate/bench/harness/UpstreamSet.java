package io.tollgate.bench.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Starts the run's upstreams, which live for the whole run and are shared by all arms: the echo server (a JVM of
 * its own), an iperf3 server and MariaDB with sysbench's tables. Registered with {@link Resources} as they start.
 */
final class UpstreamSet {
    private UpstreamSet() {
    }

    static Upstreams start(RunDirectory dir, Tools tools, Sysbench sysbench, Resources resources, Progress progress)
            throws IOException, InterruptedException {
        int echoPort = Ports.free();
        ChildProcess echo = resources.add(ChildProcess.start("echo-server", List.of(tools.java(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-XX:+UseSerialGC", "-Xmx256m", "-cp", tools.benchClassPath(),
                "io.tollgate.bench.load.EchoServer", Integer.toString(echoPort)), dir));
        int iperfPort = Ports.free();
        resources.add(Iperf.startServer(dir, iperfPort));
        progress.note("starting MariaDB");
        Mariadb mariadb = resources.add(Mariadb.start(dir));
        Listening.await(echo, echoPort, Duration.ofSeconds(30));
        progress.note("preparing sysbench tables");
        sysbench.prepare(mariadb.address());
        return new Upstreams(
                new Destination(Upstreams.ECHO_HOST, loopback(echoPort)),
                new Destination(Upstreams.IPERF_HOST, loopback(iperfPort)),
                new Destination(Upstreams.MYSQL_HOST, mariadb.address()));
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }
}
