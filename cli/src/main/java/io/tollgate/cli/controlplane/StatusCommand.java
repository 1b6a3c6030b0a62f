package io.tollgate.cli.controlplane;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tollgate.cli.CommandFailure;
import io.tollgate.cli.local.MeshState;
import io.tollgate.cli.local.MeshStateFile;
import io.tollgate.cli.local.StateDirectory;
import io.tollgate.controlplane.ca.ControlPlaneTls;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.controlplane.status.StatusClient;
import io.tollgate.controlplane.status.StatusTable;
import io.tollgate.identity.ControlPlaneIdentity;
import io.tollgate.identity.CredentialDirectory;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.WorkloadCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code tollgate status}: the control plane's version, any rejected configuration with its diagnostics, and what
 * each connected proxy acknowledged. Authenticates with the admin credentials the control plane keeps in its state
 * directory, so only who may read that directory may ask.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the control plane's version, rejected configuration, and every proxy's acknowledged version.")
public final class StatusCommand implements Callable<Integer> {
    @Option(names = "--state-dir", required = true, paramLabel = "DIR",
            description = "The control plane's state directory, or a local mesh's (`tollgate up --state-dir`).")
    Path stateDir;

    @Option(names = "--control-plane", paramLabel = "HOST:PORT",
            description = "Where the control plane listens (default: what it wrote in the state directory).")
    String controlPlane;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandFailure.run(spec, () -> {
            Optional<MeshState> localMesh = localMesh();
            // A local mesh keeps its control plane's own state directory inside its own; mesh.json says where it listens.
            Path controlPlaneDir = localMesh.isPresent() ? new StateDirectory(stateDir).controlPlaneDir() : stateDir;
            String target = controlPlane != null ? controlPlane
                    : localMesh.isPresent() ? localMesh.get().controlPlane() : recordedAddress();
            WorkloadCredentials admin;
            try {
                admin = CredentialDirectory.read(controlPlaneDir.resolve("admin"));
            } catch (CredentialException e) {
                throw CommandFailure.badInput("cannot read the admin credentials: " + e.getMessage());
            }
            SpiffeId own = admin.identity();
            PeerVerifier server = PeerVerifier.forMesh(admin.trustBundle(), own.trustDomain(), List.of(), Clock.systemUTC())
                    .expecting(ControlPlaneIdentity.in(own.trustDomain()));
            ManagedChannel channel;
            try {
                channel = NettyChannelBuilder.forTarget(target)
                        .sslContext(ControlPlaneTls.meshClient(() -> admin, server)).build();
            } catch (SSLException e) {
                throw new CommandFailure(CommandFailure.FAILED, "cannot set up TLS: " + e.getMessage());
            }
            try {
                String table = StatusTable.render(new StatusClient(channel).fetch(Duration.ofSeconds(5)));
                spec.commandLine().getOut().print(table.endsWith("\n") ? table : table + "\n");
                spec.commandLine().getOut().flush();
                return 0;
            } catch (StatusRuntimeException e) {
                throw new CommandFailure(CommandFailure.FAILED, "the control plane at " + target + " did not answer: " + e.getStatus());
            } finally {
                channel.shutdownNow();
                try {
                    channel.awaitTermination(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** The local mesh whose state directory this is, when its {@code tollgate up} still runs. */
    private Optional<MeshState> localMesh() throws CommandFailure {
        try {
            return new MeshStateFile(new StateDirectory(stateDir)).read().filter(MeshState::ownerAlive);
        } catch (IOException e) {
            throw CommandFailure.badInput(e.getMessage());
        }
    }

    private String recordedAddress() throws CommandFailure {
        Path file = stateDir.resolve(ControlPlane.ADDRESS_FILE);
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw CommandFailure.badInput("no running control plane recorded in " + stateDir + " (" + file + "); pass --control-plane");
        }
    }
}
