package io.tollgate.bench.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs sysbench's OLTP scripts against MariaDB at a given address (MariaDB itself to prepare the tables, then
 * each arm's entry point to measure). TLS from sysbench is off: the client-to-sidecar hop is plaintext, as a
 * captured workload's would be; the arms differ only in what they do behind it.
 */
final class Sysbench {
    static final List<String> WORKLOADS = List.of("oltp_read_only", "oltp_point_select");

    private final RunDirectory dir;
    private final int tables;
    private final int tableSize;

    Sysbench(RunDirectory dir, int tables, int tableSize) {
        this.dir = dir;
        this.tables = tables;
        this.tableSize = tableSize;
    }

    void prepare(InetSocketAddress mariadb) throws IOException, InterruptedException {
        ChildProcess prepare = ChildProcess.start("sysbench-prepare", command("oltp_read_only", mariadb, 2, Duration.ZERO, "prepare"), dir);
        if (prepare.awaitExit(10, TimeUnit.MINUTES) != 0) {
            throw new IOException("sysbench prepare failed: " + prepare.logTail());
        }
    }

    SysbenchResult run(String workload, InetSocketAddress target, int threads, Duration time) throws IOException, InterruptedException {
        ChildProcess run = ChildProcess.start("sysbench", command(workload, target, threads, time, "run"), dir);
        int exit = run.awaitExit(time.toSeconds() + 60, TimeUnit.SECONDS);
        return SysbenchResult.parse(run.output(), exit);
    }

    private List<String> command(String workload, InetSocketAddress target, int threads, Duration time, String action) {
        List<String> command = new ArrayList<>(List.of("sysbench", workload,
                "--mysql-host=" + target.getHostString(), "--mysql-port=" + target.getPort(),
                "--mysql-user=" + Mariadb.USER, "--mysql-password=" + Mariadb.PASSWORD, "--mysql-db=" + Mariadb.DATABASE,
                "--mysql-ssl=off", "--tables=" + tables, "--table-size=" + tableSize, "--threads=" + threads));
        if (!time.isZero()) {
            command.add("--time=" + time.toSeconds());
            command.add("--events=0");
        }
        command.add(action);
        return command;
    }
}
