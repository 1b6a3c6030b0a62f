package io.tollgate.cli.up;

import io.tollgate.cli.local.LocalMesh;
import io.tollgate.cli.local.PodIdentity;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@code tollgate up} prints once the mesh runs: where everything listens and how to run a pod in it. */
record UpBanner(LocalMesh mesh) {
    void print(PrintWriter out) {
        PodIdentity gateway = mesh.settings().gateway().identity();
        out.println("tollgate up: local mesh running (pid " + mesh.state().pid() + ", config version "
                + mesh.controlPlane().version() + ")");
        out.println("  control plane   " + mesh.state().controlPlane() + "  trust domain " + mesh.controlPlane().trustDomain()
                + ", root " + mesh.state().rootFingerprint());
        out.println("  egress gateway  " + gateway.namespace() + "/" + gateway.serviceAccount() + "  labels "
                + labels(gateway.labels()));
        if (mesh.state().meshServices().isEmpty()) {
            out.println("                  (no Gateway selects it yet: it listens once one does)");
        }
        mesh.state().meshServices().forEach(service -> out.println("                  " + service.replace("=", " -> ")));
        mesh.settings().resolve().forEach((host, addresses) -> out.println("  resolve         " + host.value() + " -> "
                + addresses.stream().map(a -> a.getHostAddress()).collect(Collectors.joining(", "))));
        out.println("  watching        " + mesh.settings().resources().stream().map(Path::toString).collect(Collectors.joining(" "))
                + mesh.settings().meshConfig().map(p -> " (mesh config " + p + ")").orElse("") + ": edits apply live");
        out.println("  state           " + mesh.settings().state() + " (mesh.json, token.sock); tollgate status --state-dir "
                + mesh.settings().state());
        out.println();
        out.println("Run a workload in a pod of the mesh (as root), e.g.:");
        out.println("  tollgate run --namespace demo-server -- mysql --user=root -p --host rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
        out.println("Ctrl-C stops the mesh.");
        out.flush();
    }

    private static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(","));
    }
}
