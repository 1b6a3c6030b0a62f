package io.tollgate.cli.routes;

import io.tollgate.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tollgate routes} on the seed: the sidecar sends the database to the gateway over mTLS; the gateway on. */
class RoutesCommandTest {
    private static final String SEED = Path.of("..", "examples", "seed").toAbsolutePath().normalize().toString();
    private static final String GATEWAY = "istio-egressgateway.istio-system.svc.cluster.local";

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[]{String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void theSidecarRoutesTheDatabaseToTheGatewayWithTheDatabaseAsSni() {
        String[] result = run("routes", "-f", SEED, "--mesh-config", SEED + "/mesh-config.yaml", "--sidecar", "demo-server",
                "--mesh-service", GATEWAY + ":13306=127.0.0.1:13306");

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).startsWith("outbound REGISTRY_ONLY\n")
                .contains("route rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com:3306")
                .contains("-> " + GATEWAY + ":13306 STATIC [127.0.0.1:13306] tls ISTIO_MUTUAL sni=rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
    }

    @Test
    void theGatewayForwardsItsPortToTheDatabase() {
        String[] result = run("routes", "-f", SEED, "--mesh-config", SEED + "/mesh-config.yaml", "--gateway", "istio-system",
                "--label", "istio=egressgateway");

        assertThat(result[1]).contains("listener 13306").contains("-> rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com:3306 TCP DNS");
    }

    @Test
    void aProxyKindIsRequired() {
        assertThat(run("routes", "-f", SEED)[0]).isEqualTo("2");
    }
}
