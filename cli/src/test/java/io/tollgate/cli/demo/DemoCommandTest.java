package io.tollgate.cli.demo;

import io.tollgate.cli.Main;
import io.tollgate.cli.local.Superuser;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's first command, end to end as root: real pods, iptables, MariaDB and mysql. Every step of the
 * walk-through must PASS, among them a policy edited while the mesh runs (steps 2-4) and the database dialled by
 * its own address from a pod, black-holed (step 5). Skipped, with the reason, when not root.
 */
class DemoCommandTest {
    @Test
    void everyStepOfTheWalkThroughPasses() {
        assumeTrue(Superuser.isRoot(), "skipped: tollgate demo needs root (network namespaces, iptables); CI runs it as root");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
                "--seed", Path.of("..", "examples", "seed").toAbsolutePath().normalize().toString());

        String text = out.toString();
        assertThat(status).as(text + err).isZero();
        for (int step = 1; step <= DemoSteps.COUNT; step++) {
            assertThat(text).contains("PASS  step " + step + ":");
        }
        assertThat(text).doesNotContain("FAIL")
                .contains("happened: Welcome to the MariaDB monitor.")
                .contains("flag DENY, deny by istio-system/egress-rds-by-namespace")
                .contains("flag BH")
                .contains("happened: none left");
    }
}
