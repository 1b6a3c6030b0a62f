package io.tollgate.bench.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference: two HAProxy processes doing the Tollgate chain's job. The sidecar listens in plaintext and
 * originates mTLS with the workload certificate (verifying the gateway); the gateway requires a client certificate
 * from the CA, admits only the workload's SPIFFE identity, and routes by SNI to the upstream.
 */
record HaproxyArm() implements Arm {
    @Override
    public String name() {
        return "haproxy";
    }

    @Override
    public ArmState start(ArmContext context) throws IOException, InterruptedException {
        int gatewayPort = Ports.free();
        HaproxyConfig.SidecarPorts ports = new HaproxyConfig.SidecarPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free());
        Path gatewayConfig = Files.writeString(context.dir().path().resolve("haproxy-gateway.cfg"), HaproxyConfig.gateway(
                context.pki(), gatewayPort, context.upstreams(), Pki.SIDECAR_ID, context.maxConnections()));
        Path sidecarConfig = Files.writeString(context.dir().path().resolve("haproxy-sidecar.cfg"), HaproxyConfig.sidecar(
                context.pki(), ports, gatewayPort, context.upstreams(), context.maxConnections()));
        List<ChildProcess> started = new ArrayList<>();
        try {
            ChildProcess gateway = haproxy("haproxy-gateway", gatewayConfig, context.dir());
            started.add(gateway);
            Listening.await(gateway, gatewayPort, Duration.ofSeconds(20));
            ChildProcess sidecar = haproxy("haproxy-sidecar", sidecarConfig, context.dir());
            started.add(sidecar);
            for (int port : List.of(ports.echo(), ports.iperf(), ports.mysql(), ports.mysqlFullHandshake())) {
                Listening.await(sidecar, port, Duration.ofSeconds(20));
            }
            GatewayDoor door = new GatewayDoor(loopback(gatewayPort), context.upstreams().mysql().host(),
                    context.pki().caCertificate(), context.pki().pkcs12(Pki.Identity.SIDECAR),
                    context.pki().pkcs12(Pki.Identity.INTRUDER));
            Endpoints endpoints = new Endpoints(loopback(ports.echo()), loopback(ports.iperf()), loopback(ports.mysql()),
                    Optional.of(loopback(ports.mysqlFullHandshake())), Optional.of(door));
            return new ArmState.Running(endpoints, List.of(sidecar, gateway), List.of());
        } catch (IOException | InterruptedException | RuntimeException e) {
            for (ChildProcess process : started) {
                process.close();
            }
            throw e;
        }
    }

    private static ChildProcess haproxy(String name, Path config, RunDirectory dir) throws IOException {
        // -db: stay in the foreground, so the process we started is the one doing the work (and its pid is ours).
        return ChildProcess.start(name, List.of("haproxy", "-db", "-f", config.toString()), dir);
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }
}
