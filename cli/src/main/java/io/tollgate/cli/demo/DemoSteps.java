package io.tollgate.cli.demo;

import io.tollgate.cli.local.PodIdentity;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The walk-through, step by step, against the local mesh: each step says what it does, runs the walk-through's
 * command in a pod, and checks the result the walk-through expects (or, for its flawed step, what really happens).
 */
final class DemoSteps {
    static final int COUNT = 6;
    private static final PodIdentity DEMO_SERVER = new PodIdentity("demo-server", PodIdentity.DEFAULT_SERVICE_ACCOUNT, Map.of());
    private static final PodIdentity DEMO_FRONTEND = new PodIdentity("demo-frontend", PodIdentity.DEFAULT_SERVICE_ACCOUNT, Map.of());
    private static final String RUN_SERVER = "tollgate run --namespace demo-server -- ";
    private final DemoStage stage;
    private final StepReport report;
    private final DecisionPreview decisions;

    DemoSteps(DemoStage stage, StepReport report, DecisionPreview decisions) {
        this.stage = stage;
        this.report = report;
        this.decisions = decisions;
    }

    void run() {
        step("No policy: the client in demo-server reaches the database through sidecar and gateway", this::noPolicy);
        step("DENY from demo-server (the walk-through's intent): the same command is refused", this::deny);
        step("The action changed to ALLOW: the same command gets in again", this::allow);
        step("The walk-through's literal policy (namespaces: demo-frontend), explained", this::literal);
        step("Anyone else is stopped: a pod in demo-frontend, and the database's own address", this::strangers);
        step("Cleanup, as the walk-through's Cleanup section", this::cleanup);
    }

    private void noPolicy() throws Exception {
        report.note("Resources: the seed's 00..05 files and mesh-config.yaml (REGISTRY_ONLY); no AuthorizationPolicy.");
        expectWelcome(DEMO_SERVER);
    }

    private void deny() throws Exception {
        DemoPolicy policy = new DemoPolicy("DENY", "demo-server");
        stage.change("policy " + policy, () -> stage.files().writePolicy(policy.yaml()));
        expectError2013(DEMO_SERVER, "ERROR 2013: the gateway denies demo-server and closes before the greeting");
    }

    private void allow() throws Exception {
        DemoPolicy policy = new DemoPolicy("ALLOW", "demo-server");
        stage.change("policy " + policy, () -> stage.files().writePolicy(policy.yaml()));
        expectWelcome(DEMO_SERVER);
    }

    private void literal() throws Exception {
        report.note("""
                The walk-through sets Namespaces to demo-frontend but expects its DENY to block demo-server.
                As written, the DENY matches only demo-frontend, where no workload of the example lives:
                it denies nobody in the mesh. Its ALLOW form admits only demo-frontend, locking demo-server out.""");
        String literal = stage.files().literalPolicy();
        stage.change("the seed's policy, DENY from demo-frontend", () -> stage.files().writePolicy(literal));
        decisions.show(report, stage.files(), List.of(DEMO_SERVER, DEMO_FRONTEND));
        expectWelcome(DEMO_SERVER);
        DemoPolicy allowFrontend = new DemoPolicy("ALLOW", "demo-frontend");
        stage.change("its ALLOW form, ALLOW from demo-frontend", () -> stage.files().writePolicy(allowFrontend.yaml()));
        decisions.show(report, stage.files(), List.of(DEMO_SERVER));
        expectError2013(DEMO_SERVER, "ERROR 2013: demo-server is locked out by an ALLOW that names only demo-frontend");
    }

    private void strangers() throws Exception {
        DemoPolicy policy = new DemoPolicy("ALLOW", "demo-server");
        stage.change("back to the working policy, " + policy, () -> stage.files().writePolicy(policy.yaml()));
        expectError2013(DEMO_FRONTEND, "ERROR 2013: demo-frontend is not let through to the database");
        String direct = "mysql --user=root --password=$MYSQL_ROOT_PASSWORD --host "
                + stage.database().address().getAddress().getHostAddress() + " --port " + stage.database().port();
        report.command(RUN_SERVER + direct);
        report.note("The database's real address, dialled directly: not a registered service (REGISTRY_ONLY), so the"
                + " sidecar black-holes it.");
        ClientRun ran = stage.inPod(DEMO_SERVER, direct);
        report.check(new StepReport.Check(ClientRun.ERROR_2013, ran.summary(), ran.lostConnection()));
    }

    private void cleanup() throws Exception {
        report.command("kubectl delete virtualservice/destinationrule/gateway/serviceentry ... (the files are removed)");
        stage.change("the walk-through's resources deleted", () -> stage.files().delete(List.of(
                "05-virtual-service.yaml", "04-destination-rule.yaml", "03-gateway.yaml", "02-service-entry.yaml",
                SeedFiles.POLICY_FILE, "01-mysql-client.yaml")));
        report.command(run(DEMO_SERVER) + DemoStage.WALK_THROUGH_MYSQL);
        ClientRun ran = stage.inPod(DEMO_SERVER, DemoStage.WALK_THROUGH_MYSQL);
        report.check(new StepReport.Check("no way in: with the ServiceEntry gone the pod's hosts file no longer names the"
                + " host (ERROR 2005), and were it dialled by address, REGISTRY_ONLY would black-hole it (ERROR 2013)",
                ran.summary(), !ran.welcomed() && (ran.unknownHost() || ran.lostConnection())));
    }

    private void expectWelcome(PodIdentity who) throws IOException, InterruptedException {
        report.command(run(who) + DemoStage.WALK_THROUGH_MYSQL);
        ClientRun ran = stage.inPod(who, DemoStage.WALK_THROUGH_MYSQL);
        report.check(new StepReport.Check(ClientRun.WELCOME + " (the walk-through shows MySQL's \"Welcome to the MySQL monitor\")",
                ran.summary(), ran.welcomed()));
    }

    private void expectError2013(PodIdentity who, String expected) throws IOException, InterruptedException {
        report.command(run(who) + DemoStage.WALK_THROUGH_MYSQL);
        ClientRun ran = stage.inPod(who, DemoStage.WALK_THROUGH_MYSQL);
        report.check(new StepReport.Check(expected, ran.summary(), ran.lostConnection() && !ran.welcomed()));
    }

    private static String run(PodIdentity who) {
        return "tollgate run --namespace " + who.namespace() + " -- ";
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    private void step(String title, Body body) {
        report.begin(title);
        try {
            body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.failed("interrupted");
        } catch (Exception e) {
            report.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
