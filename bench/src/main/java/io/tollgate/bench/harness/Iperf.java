package io.tollgate.bench.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** iperf3: one server for the run (it serves tests one after another), one client run per trial. */
final class Iperf {
    enum Direction {
        /** client to server: the workload uploads through the chain. */
        UP,
        /** server to client ({@code -R}): the database answers through the chain. */
        DOWN
    }

    private Iperf() {
    }

    static ChildProcess startServer(RunDirectory dir, int port) throws IOException, InterruptedException {
        ChildProcess server = ChildProcess.start("iperf3-server",
                List.of("iperf3", "--server", "--bind", "127.0.0.1", "--port", Integer.toString(port)), dir);
        Listening.await(server, port, Duration.ofSeconds(20));
        return server;
    }

    /** How long a client keeps asking while the server still finishes the previous test. */
    private static final Duration BUSY_LIMIT = Duration.ofSeconds(15);

    /**
     * One test. The server serves one test at a time and learns that the previous one ended only when its control
     * connection closes, which through a proxy chain can trail the previous client's exit; a "server is busy"
     * answer before any data moved is therefore asked again, within {@link #BUSY_LIMIT}.
     */
    static IperfResult run(RunDirectory dir, InetSocketAddress target, Duration time, Direction direction)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BUSY_LIMIT.toNanos();
        IperfResult result = once(dir, target, time, direction);
        while (result.serverBusy() && System.nanoTime() < deadline) {
            Thread.sleep(200); // polling interval of a bounded wait on another process, not a wait for a fixed time
            result = once(dir, target, time, direction);
        }
        return result;
    }

    private static IperfResult once(RunDirectory dir, InetSocketAddress target, Duration time, Direction direction)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("iperf3", "--client", target.getHostString(),
                "--port", Integer.toString(target.getPort()), "--time", Long.toString(time.toSeconds()), "--json"));
        if (direction == Direction.DOWN) {
            command.add("--reverse");
        }
        ChildProcess client = ChildProcess.start("iperf3-client", command, dir);
        int exit = client.awaitExit(time.toSeconds() + 30, TimeUnit.SECONDS);
        return IperfResult.parse(client.output(), exit);
    }
}
