package io.tollgate.bench.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The generated mesh on disk: one directory with the two egress Gateways and one file per team ({@link TeamFile}),
 * plus a mesh config beside it. Edits rewrite one team file atomically (write aside, rename), as an editor or a
 * GitOps sync does, so the control plane never reads a half-written file.
 */
final class MeshFiles implements AutoCloseable {
    private final Path root;
    private final Path resources;
    private final Path meshConfig;
    private final int teams;
    private final int serviceEntriesPerTeam;
    private final int policiesPerTeam;
    private final Exports exports;

    private MeshFiles(Path root, int teams, int serviceEntriesPerTeam, int policiesPerTeam, Exports exports) {
        this.root = root;
        this.resources = root.resolve("resources");
        this.meshConfig = root.resolve("mesh-config.yaml");
        this.teams = teams;
        this.serviceEntriesPerTeam = serviceEntriesPerTeam;
        this.policiesPerTeam = policiesPerTeam;
        this.exports = exports;
    }

    static MeshFiles write(int teams, int serviceEntriesPerTeam, int policiesPerTeam, Exports exports) throws IOException {
        return writeTo(Files.createTempDirectory("tollgate-scale-"), teams, serviceEntriesPerTeam, policiesPerTeam, exports);
    }

    /** Writes the mesh into {@code root} ({@code resources/} and {@code mesh-config.yaml}); {@link #close} deletes it. */
    static MeshFiles writeTo(Path root, int teams, int serviceEntriesPerTeam, int policiesPerTeam, Exports exports)
            throws IOException {
        MeshFiles files = new MeshFiles(root, teams, serviceEntriesPerTeam, policiesPerTeam, exports);
        Files.createDirectories(files.resources);
        Files.writeString(files.meshConfig, "outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n");
        StringBuilder gateways = new StringBuilder();
        for (EgressGateway gateway : EgressGateway.values()) {
            gateways.append(gateway.gatewayYaml()).append("---\n");
        }
        Files.writeString(files.resources.resolve("00-gateways.yaml"), gateways);
        for (int team = 0; team < teams; team++) {
            Files.writeString(files.resources.resolve(TeamFile.fileName(team)), files.team(team).text(0, 0));
        }
        return files;
    }

    Path resources() {
        return resources;
    }

    Path meshConfig() {
        return meshConfig;
    }

    int teams() {
        return teams;
    }

    int documents() {
        return EgressGateway.values().length + teams * (serviceEntriesPerTeam + policiesPerTeam + 2);
    }

    long bytes() throws IOException {
        try (Stream<Path> files = Files.list(resources)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    /** Rewrites {@code team}'s file with its gateway policy and routed ServiceEntry at the given revisions. */
    void rewrite(int team, int policyRevision, int serviceRevision) throws IOException {
        Path file = resources.resolve(TeamFile.fileName(team));
        Path aside = resources.resolve("." + TeamFile.fileName(team) + ".tmp");
        Files.writeString(aside, team(team).text(policyRevision, serviceRevision));
        Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private TeamFile team(int team) {
        return new TeamFile(team, serviceEntriesPerTeam, policiesPerTeam, exports);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
