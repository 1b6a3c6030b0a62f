package io.tollgate.cli.local;

import io.tollgate.cli.proxy.AgentStartException;
import io.tollgate.cli.proxy.SidecarAgent;
import io.tollgate.cli.proxy.SidecarAgentSettings;
import io.tollgate.cli.proxy.SidecarInbound;
import io.tollgate.dataplane.capture.NamespacedListener;
import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.dataplane.pod.CleanupOnExit;
import io.tollgate.dataplane.pod.Pod;
import io.tollgate.dataplane.pod.PodSpec;
import io.tollgate.dataplane.pod.Pods;
import io.tollgate.policy.compile.MeshService;
import io.tollgate.policy.compile.MeshServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import java.util.Map;

/**
 * A pod of the local mesh with its sidecar, what {@code tollgate run} holds while COMMAND runs: a join token from
 * the mesh's token socket, a fresh network namespace with capture rules, the sidecar agent capturing inside it
 * (ztunnel's in-pod mode), and the pod's hosts file kept equal to the sidecar's service addresses. Removed by
 * {@link #close}, or by a shutdown hook when the process is stopped first.
 */
public final class PodSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PodSession.class);
    private static final int CAPTURE_BACKLOG = 128;
    /**
     * A pod's sidecar resolves no host name itself: in a local mesh only the egress gateway reaches outside (its
     * {@code --resolve} answers), as an RDS whitelist admitting only the gateway would; and a placeholder host is
     * never sent to real DNS. A route that needs a name resolved at the sidecar fails closed (UH).
     */
    private static final HostResolver NO_EXTERNAL_NAMES = host -> CompletableFuture.failedFuture(new UnknownHostException(
            host.value() + ": a pod's sidecar in the local mesh resolves no external host; only the egress gateway does"));
    private final Pod pod;
    private final CleanupOnExit cleanup;

    private PodSession(Pod pod, CleanupOnExit cleanup) {
        this.pod = pod;
        this.cleanup = cleanup;
    }

    /**
     * Starts a pod for {@code who} in the mesh recorded in {@code state}.
     *
     * @throws PodSessionException naming what failed; nothing is left behind
     */
    public static PodSession start(StateDirectory state, PodIdentity who, AccessLog accessLog) throws PodSessionException {
        MeshState mesh;
        String token;
        MeshServices services;
        try {
            mesh = new MeshStateFile(state).requireRunning();
            services = MeshServices.of(mesh.meshServices().stream().map(MeshService::parse).toList());
            token = TokenSocket.request(state.tokenSocket(), who.namespace(), who.serviceAccount());
        } catch (IOException e) {
            throw new PodSessionException(e.getMessage(), false, e);
        } catch (IllegalArgumentException e) {
            throw new PodSessionException(state.meshFile() + ": meshServices: " + e.getMessage(), false, e);
        }
        Pod pod;
        try {
            pod = new Pods().create(PodSpec.withHosts(Map.of()));
        } catch (IOException e) {
            throw new PodSessionException("cannot create the pod: " + e.getMessage(), false, e);
        }
        SidecarHolder holder = new SidecarHolder();
        CleanupOnExit cleanup = CleanupOnExit.install("pod " + pod.name(), () -> {
            holder.close();
            pod.close();
        });
        try {
            SidecarAgentSettings settings = SidecarAgentSettings.of(address(mesh.controlPlane()), token, who.namespace(),
                            who.serviceAccount(), who.labels())
                    .withInbound(new SidecarInbound.InPod(new NamespacedListener(pod.namespaceFile(), pod.captureAddress(),
                            CAPTURE_BACKLOG), pod.sourceAddress()))
                    .withMeshServices(services)
                    .withAccessLog(accessLog);
            holder.agent = SidecarAgent.start(settings, NO_EXTERNAL_NAMES);
            HostsFollower.start(pod, holder.agent);
            LOG.info("{} for {} is up", pod, who);
            return new PodSession(pod, cleanup);
        } catch (AgentStartException e) {
            closeAfterFailure(cleanup, e);
            throw new PodSessionException("sidecar for " + who + ": " + e.getMessage(),
                    e.kind() == AgentStartException.Kind.BAD_INPUT, e);
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(cleanup, e);
            throw new PodSessionException("pod " + pod.name() + " for " + who + ": " + e.getMessage(), false, e);
        }
    }

    public Pod pod() {
        return pod;
    }

    /** Stops the sidecar and removes the pod (namespace, rules, processes, files). */
    @Override
    public void close() throws IOException {
        try {
            cleanup.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("removing " + pod.name() + ": " + e.getMessage(), e);
        }
    }

    private static void closeAfterFailure(CleanupOnExit cleanup, Exception cause) {
        try {
            cleanup.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    private static InetSocketAddress address(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        try {
            return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new IOException("mesh.json: controlPlane '" + hostPort + "' is not HOST:PORT", e);
        }
    }

    /** What the shutdown hook must stop, set as it comes to exist. Written by start, read by the hook. */
    private static final class SidecarHolder {
        volatile SidecarAgent agent;

        void close() {
            SidecarAgent a = agent;
            if (a != null) {
                a.close(Duration.ZERO);
            }
        }
    }

    @Override
    public String toString() {
        return "pod session " + pod.name();
    }
}
