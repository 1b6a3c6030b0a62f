package io.tollgate.bench.harness;

import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.JoinTokens;
import io.tollgate.identity.SpiffeId;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Tollgate chain: client -> {@code tollgate sidecar} (explicit listeners) -> mTLS -> {@code tollgate gateway}
 * (AuthorizationPolicy on) -> upstream. This is the only place that knows how to run it; the rest of the harness
 * sees an {@link ArmState}.
 *
 * <p>Per round: the resources of {@link TollgateConfig}; a state directory made a CA with the run's CA as a plug-in
 * ({@code cacerts}: the run's root signs directly, so the probes' certificates and the proxies' chain to one root
 * and the intruder is refused by policy, not by an unknown CA); join tokens minted there as {@code tollgate token
 * create} does; then {@code tollgate control-plane} (a helper: not charged), {@code tollgate gateway} and
 * {@code tollgate sidecar} as processes of their own on the same JDK, each with one event-loop thread, the access
 * log off and Native Memory Tracking on. TLS is Tollgate's own mesh TLS: 1.3 only, AES-128-GCM first, X25519.
 * The {@code tollgate} arm runs as deployed by default: workload connections are streams of a shared mTLS tunnel
 * (HTTP/2 CONNECT, as Istio's HBONE); {@code tollgate-tls} runs the sidecar with {@code --no-tunnels}, one
 * resumed TLS connection per workload connection, to show what the tunnel changes. {@code tollgate-base} is the
 * {@code tollgate} arm run from another checkout's build ({@code --base-repo}), to compare two versions in one run.
 */
record TollgateArm(String name, Path repository, boolean tunnels, int addressBlock) implements Arm {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final String TRUST_DOMAIN = "cluster.local";

    @Override
    public String name() {
        return name;
    }

    @Override
    public ArmState start(ArmContext context) throws IOException, InterruptedException {
        String classPath = TollgateLaunch.classPath(repository);
        Path base = Files.createDirectories(context.dir().path().resolve(name() + "-r" + context.round()));
        int gatewayPort = Ports.free();
        Path config = Files.writeString(base.resolve("mesh.yaml"), TollgateConfig.resources(context.upstreams(), gatewayPort));
        Path meshConfig = Files.writeString(base.resolve("mesh-config.yaml"), TollgateConfig.meshConfig());
        Path state = base.resolve("state");
        JoinTokens tokens = plugInCa(context.pki(), base.resolve("cacerts"), state);
        TollgateLaunch launch = new TollgateLaunch(context.tools(), classPath, context.dir());
        List<ChildProcess> proxies = new ArrayList<>();
        List<ChildProcess> helpers = new ArrayList<>();
        try {
            ChildProcess controlPlane = launch.helper("tollgate-control-plane", List.of("control-plane", "-f", config.toString(),
                    "--mesh-config", meshConfig.toString(), "--state-dir", state.toString(), "--listen", "127.0.0.1:0"));
            helpers.add(controlPlane);
            String address = TollgateLaunch.awaitFile(controlPlane, state.resolve("control-plane.address"), START_LIMIT);

            ChildProcess gateway = launch.proxy("tollgate-gateway", List.of("gateway", "--control-plane", address,
                    "--token", token(tokens, TollgateConfig.GATEWAY_NAMESPACE, TollgateConfig.GATEWAY_ACCOUNT),
                    "--namespace", TollgateConfig.GATEWAY_NAMESPACE, "--service-account", TollgateConfig.GATEWAY_ACCOUNT,
                    "--label", "istio=egressgateway", "--listen-address", "127.0.0.1",
                    "--access-log", "off", "--threads", "1"));
            proxies.add(gateway);
            TollgateLaunch.awaitOutput(gateway, "listening server port " + gatewayPort + " on 127.0.0.1:" + gatewayPort, START_LIMIT);

            Upstreams upstreams = context.upstreams();
            Destination[] all = {upstreams.echo(), upstreams.iperf(), upstreams.mysql()};
            List<String> sidecarArguments = new ArrayList<>(List.of("sidecar", "--control-plane", address,
                    "--token", token(tokens, TollgateConfig.WORKLOAD_NAMESPACE, TollgateConfig.WORKLOAD_ACCOUNT),
                    "--namespace", TollgateConfig.WORKLOAD_NAMESPACE, "--service-account", TollgateConfig.WORKLOAD_ACCOUNT,
                    "--mesh-service", TollgateConfig.GATEWAY_SERVICE + ":" + gatewayPort + "=127.0.0.1:" + gatewayPort,
                    "--access-log", "off", "--threads", "1"));
            if (!tunnels) {
                sidecarArguments.add("--no-tunnels");
            }
            InetSocketAddress[] entries = new InetSocketAddress[all.length];
            for (int i = 0; i < all.length; i++) {
                entries[i] = new InetSocketAddress(listenAddress(context.round(), i), all[i].address().getPort());
                sidecarArguments.addAll(List.of("--bind", all[i].host() + "=" + entries[i].getHostString()));
            }
            ChildProcess sidecar = launch.proxy("tollgate-sidecar", sidecarArguments);
            proxies.addFirst(sidecar);
            for (int i = 0; i < all.length; i++) {
                TollgateLaunch.awaitOutput(sidecar, "outbound " + all[i].host() + ":" + entries[i].getPort() + " -> "
                        + entries[i].getHostString() + ":" + entries[i].getPort(), START_LIMIT);
            }
            GatewayDoor door = new GatewayDoor(new InetSocketAddress("127.0.0.1", gatewayPort), upstreams.mysql().host(),
                    context.pki().caCertificate(), context.pki().pkcs12(Pki.Identity.SIDECAR),
                    context.pki().pkcs12(Pki.Identity.INTRUDER));
            Endpoints endpoints = new Endpoints(entries[0], entries[1], entries[2], Optional.empty(), Optional.of(door));
            return new ArmState.Running(endpoints, List.copyOf(proxies), List.copyOf(helpers));
        } catch (IOException | InterruptedException | RuntimeException e) {
            for (ChildProcess process : proxies) {
                process.close();
            }
            for (ChildProcess process : helpers) {
                process.close();
            }
            throw e;
        }
    }

    /**
     * Makes {@code state} a CA that signs with the run's CA key ({@code tollgate ca init --cacerts}): the run's
     * root is its own issuer, so ca-cert, root-cert and cert-chain are all the root certificate.
     */
    private static JoinTokens plugInCa(Pki pki, Path cacerts, Path state) throws IOException {
        Files.createDirectories(cacerts);
        for (String name : List.of("ca-cert.pem", "root-cert.pem", "cert-chain.pem")) {
            Files.copy(pki.caCertificate(), cacerts.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(pki.dir().resolve("ca.key"), cacerts.resolve("ca-key.pem"), StandardCopyOption.REPLACE_EXISTING);
        try {
            CaDirectory directory = new CaDirectory(state);
            CertificateAuthority ca = CertificateAuthority.initialize(directory, TRUST_DOMAIN, Optional.of(cacerts),
                    IssuancePolicy.ISTIO_DEFAULTS, Clock.systemUTC());
            return JoinTokens.open(directory, Fingerprint.of(ca.root()), Clock.systemUTC());
        } catch (CredentialException e) {
            throw new IOException("cannot make " + state + " a plug-in CA from " + pki.dir() + ": " + e.getMessage(), e);
        }
    }

    private static String token(JoinTokens tokens, String namespace, String serviceAccount) {
        return tokens.mint(new SpiffeId(TRUST_DOMAIN, namespace, serviceAccount), Duration.ofHours(1));
    }

    /**
     * The sidecar's listener address for upstream {@code index} in {@code round}: 127.B.R.(index+1), B being the arm's
     * own {@code addressBlock} (the arms of a round run side by side), unused elsewhere.
     */
    private String listenAddress(int round, int index) {
        return "127." + addressBlock + "." + (round % 250) + "." + (index + 1);
    }
}
