package io.tollgate.cli.demo;

import io.tollgate.cli.Main;
import io.tollgate.cli.local.PodIdentity;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows what the gateway's policies decide for a workload's connection, by running {@code tollgate authz check}
 * (the real command, in this process) over the files the mesh watches.
 *
 * @param trustDomain the mesh's trust domain, for the source principal
 */
record DecisionPreview(String trustDomain) {
    void show(StepReport report, SeedFiles files, List<PodIdentity> sources) {
        for (PodIdentity source : sources) {
            List<String> args = new ArrayList<>(List.of("authz", "check", "-f", files.resources().toString(),
                    "--mesh-config", files.meshConfig().toString(), "--workload-namespace", "istio-system",
                    "--workload-label", "istio=egressgateway",
                    "--source-principal", "spiffe://" + trustDomain + "/ns/" + source.namespace() + "/sa/" + source.serviceAccount(),
                    "--source-ip", "127.240.0.1", "--destination-ip", "127.0.0.1", "--destination-port", "13306",
                    "--sni", DemoStage.RDS_HOST));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
            report.command("tollgate authz check -f resources --workload-namespace istio-system --workload-label"
                    + " istio=egressgateway --source-principal spiffe://" + trustDomain + "/ns/" + source.namespace()
                    + "/sa/" + source.serviceAccount() + " ... --sni " + DemoStage.RDS_HOST);
            report.note(status == 0 ? out.toString().strip() : "(authz check failed: " + err.toString().strip() + ")");
        }
    }
}
