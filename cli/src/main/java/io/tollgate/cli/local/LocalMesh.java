package io.tollgate.cli.local;

import io.tollgate.cli.proxy.AgentStartException;
import io.tollgate.cli.proxy.GatewayAgent;
import io.tollgate.cli.proxy.GatewayAgentSettings;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.controlplane.mesh.ControlPlaneException;
import io.tollgate.controlplane.mesh.ControlPlaneSettings;
import io.tollgate.identity.SpiffeId;
import io.tollgate.policy.route.PortNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A whole mesh on this machine, what {@code tollgate up} runs in the foreground: the control plane, the egress
 * gateway workload, the token socket pods ask for their identity over, and {@code mesh.json} saying where all of it
 * is. {@link #close} stops everything in reverse order and removes the state files.
 */
public final class LocalMesh implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMesh.class);
    /** A pod's token is spent at once, by the {@code tollgate run} that asked for it. */
    static final Duration POD_TOKEN_TTL = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(50);
    private final LocalMeshSettings settings;
    private final ControlPlane controlPlane;
    private final GatewayAgent gateway;
    private final TokenSocket tokens;
    private final MeshState state;

    private LocalMesh(LocalMeshSettings settings, ControlPlane controlPlane, GatewayAgent gateway, TokenSocket tokens,
                      MeshState state) {
        this.settings = settings;
        this.controlPlane = controlPlane;
        this.gateway = gateway;
        this.tokens = tokens;
        this.state = state;
    }

    /**
     * Starts the mesh. Refuses when another live mesh owns the state directory; state a dead process left is
     * replaced (and said so in the log).
     *
     * @throws LocalMeshException with every reason; nothing is left running
     */
    public static LocalMesh start(LocalMeshSettings settings) throws LocalMeshException {
        StateDirectory dir = settings.state();
        MeshStateFile file = new MeshStateFile(dir);
        try {
            dir.prepare();
            Optional<MeshState> previous = file.read();
            if (previous.isPresent() && previous.get().ownerAlive() && previous.get().pid() != ProcessHandle.current().pid()) {
                throw new LocalMeshException(LocalMeshException.Kind.FAILED, List.of("a local mesh is already running in "
                        + dir + " (process " + previous.get().pid() + "); stop it or use another --state-dir"));
            }
            if (previous.isPresent()) {
                LOG.info("removing stale state of process {} in {}", previous.get().pid(), dir);
                file.remove();
            }
        } catch (IOException e) {
            throw new LocalMeshException(LocalMeshException.Kind.FAILED, List.of("state directory " + dir + ": " + e.getMessage()));
        }
        ControlPlane controlPlane;
        try {
            controlPlane = ControlPlane.start(new ControlPlaneSettings(settings.resources(), settings.meshConfig(),
                    dir.controlPlaneDir(), settings.controlPlane()), Clock.systemUTC());
        } catch (ControlPlaneException e) {
            throw new LocalMeshException(LocalMeshException.Kind.BAD_INPUT, e.diagnostics());
        }
        GatewayAgent gateway = null;
        TokenSocket tokens = null;
        try {
            PodIdentity id = settings.gateway().identity();
            String token = controlPlane.mintToken(new SpiffeId(controlPlane.trustDomain(), id.namespace(), id.serviceAccount()),
                    POD_TOKEN_TTL);
            gateway = GatewayAgent.start(GatewayAgentSettings.of(controlPlane.address(), token, id.namespace(),
                            id.serviceAccount(), id.labels())
                    .withResolve(settings.resolve()).withListeners(settings.gatewayListeners())
                    .withAccessLog(settings.gatewayAccessLog()));
            ControlPlane minter = controlPlane;
            tokens = TokenSocket.open(dir.tokenSocket(), (namespace, serviceAccount) ->
                    minter.mintToken(new SpiffeId(minter.trustDomain(), namespace, serviceAccount), POD_TOKEN_TTL));
            MeshState state = new MeshState(hostPort(controlPlane.address()), controlPlane.rootFingerprint().toString(),
                    meshServices(settings.gateway(), gateway.listeners()), ProcessHandle.current().pid());
            file.write(state);
            return new LocalMesh(settings, controlPlane, gateway, tokens, state);
        } catch (AgentStartException e) {
            stop(tokens, gateway, controlPlane);
            throw new LocalMeshException(e.kind() == AgentStartException.Kind.BAD_INPUT ? LocalMeshException.Kind.BAD_INPUT
                    : LocalMeshException.Kind.FAILED, List.of("egress gateway: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            stop(tokens, gateway, controlPlane);
            throw new LocalMeshException(LocalMeshException.Kind.FAILED, List.of(String.valueOf(e.getMessage())));
        }
    }

    public ControlPlane controlPlane() {
        return controlPlane;
    }

    public GatewayAgent gateway() {
        return gateway;
    }

    public MeshState state() {
        return state;
    }

    public LocalMeshSettings settings() {
        return settings;
    }

    /** Waits for the control plane to publish a version other than {@code before}; empty if none comes in time. */
    public Optional<String> awaitNewVersion(String before, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        // The control plane offers no change notification; its watcher reacts within a fraction of a second.
        while (controlPlane.version().equals(before)) {
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return Optional.of(controlPlane.version());
    }

    /** True once the gateway runs {@code version}; false if not within {@code limit}. */
    public boolean awaitGateway(String version, Duration limit) {
        return gateway.awaitVersion(version, limit);
    }

    /** Stops the token socket, the gateway and the control plane, and removes mesh.json. Idempotent. */
    @Override
    public void close() {
        try {
            new MeshStateFile(settings.state()).remove();
        } catch (IOException e) {
            LOG.warn("cannot remove the state files in {}: {}", settings.state(), e.getMessage());
        }
        stop(tokens, gateway, controlPlane);
    }

    /** {@code HOST:PORT=ADDRESS:PORT} for each gateway port, as {@code MeshService.parse} reads it. */
    static List<String> meshServices(GatewayWorkload gateway, Map<PortNumber, InetSocketAddress> listeners) {
        List<String> services = new ArrayList<>();
        listeners.forEach((port, address) -> services.add(gateway.service() + ":" + port.value() + "=" + hostPort(address)));
        return services;
    }

    static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static void stop(TokenSocket tokens, GatewayAgent gateway, ControlPlane controlPlane) {
        if (tokens != null) {
            try {
                tokens.close();
            } catch (IOException e) {
                LOG.warn("token socket: {}", e.getMessage());
            }
        }
        if (gateway != null) {
            gateway.close(Duration.ofSeconds(1));
        }
        controlPlane.close();
    }

    @Override
    public String toString() {
        return "local mesh (control plane " + state.controlPlane() + ", state " + settings.state() + ")";
    }

}
