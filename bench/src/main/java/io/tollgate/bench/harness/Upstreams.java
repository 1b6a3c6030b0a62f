package io.tollgate.bench.harness;

/**
 * The three services behind every arm: the echo server (ping-pong, bulk integrity, idle connections), the iperf3
 * server (bulk throughput) and MariaDB (greetings, sysbench), whose host is the seed's RDS placeholder name.
 */
record Upstreams(Destination echo, Destination iperf, Destination mysql) {
    static final String ECHO_HOST = "echo.bench.internal";
    static final String IPERF_HOST = "iperf.bench.internal";
    static final String MYSQL_HOST = "rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com";
}
