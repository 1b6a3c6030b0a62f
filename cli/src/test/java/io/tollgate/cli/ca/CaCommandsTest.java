package io.tollgate.cli.ca;

import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.Fingerprint;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.JoinToken;
import io.tollgate.identity.Pem;
import io.tollgate.identity.SpiffeId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The CA commands through {@code Main.run}, against a real signing service on a loopback port and the real openssl. */
class CaCommandsTest {
    @TempDir
    Path temp;
    private CaServeCommand.Serving serving;

    @AfterEach
    void stop() {
        if (serving != null) {
            serving.close();
        }
    }

    private Path state() {
        return temp.resolve("state");
    }

    private String serve() throws Exception {
        serving = CaServeCommand.Serving.start(new CaDirectory(state()), Optional.empty(), IssuancePolicy.ISTIO_DEFAULTS,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
        return "127.0.0.1:" + serving.server.address().getPort();
    }

    private String token(String namespace, String serviceAccount) {
        Cli.Result created = Cli.run("token", "create", "--state-dir", state().toString(), "--namespace", namespace,
                "--service-account", serviceAccount, "--ttl", "10m");
        assertThat(created.exitCode()).as(created.err()).isZero();
        return created.lastLine();
    }

    @Test
    void caInitPrintsTheRootFingerprintAndPathsAndIsIdempotent() throws Exception {
        Cli.Result first = Cli.run("ca", "init", "--state-dir", state().toString());
        Cli.Result again = Cli.run("ca", "init", "--state-dir", state().toString());

        String fingerprint = Fingerprint.of(Pem.readCertificates(state().resolve("root-cert.pem")).getFirst()).toString();
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("initialised CA in " + state() + " (self-signed root, trust domain cluster.local)")
                .contains("root key:            " + state().resolve("root-key.pem") + " (mode 0600)")
                .contains("root fingerprint:    " + fingerprint);
        assertThat(again.out()).startsWith("CA already initialised in ").contains(fingerprint);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state().resolve("join-token.key")))).isEqualTo("rw-------");
    }

    @Test
    void caInitInstallsAPlugInCa() throws Exception {
        Path cacerts = Files.createDirectories(temp.resolve("cacerts"));
        openssl(cacerts, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "root-key.pem",
                "-out", "root-cert.pem", "-days", "30", "-subj", "/O=Istio/CN=Root CA");
        openssl(cacerts, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca-key.pem",
                "-out", "ca.csr", "-subj", "/O=Istio/CN=Intermediate CA");
        Files.writeString(cacerts.resolve("ca.ext"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n");
        openssl(cacerts, "x509", "-req", "-in", "ca.csr", "-CA", "root-cert.pem", "-CAkey", "root-key.pem", "-CAcreateserial",
                "-out", "ca-cert.pem", "-days", "20", "-extfile", "ca.ext");
        Files.writeString(cacerts.resolve("cert-chain.pem"), Files.readString(cacerts.resolve("ca-cert.pem")));

        Cli.Result result = Cli.run("ca", "init", "--state-dir", state().toString(), "--cacerts", cacerts.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("(plug-in intermediate, trust domain cluster.local)")
                .contains("root fingerprint:    " + Fingerprint.of(Pem.readCertificates(cacerts.resolve("root-cert.pem")).getFirst()));
    }

    @Test
    void tokenCreatePrintsASingleUseTokenForTheIdentityAsItsLastLine() throws Exception {
        Cli.run("ca", "init", "--state-dir", state().toString(), "--trust-domain", "mesh.example");

        JoinToken claims = JoinToken.readClaims(token("demo-server", "mysql-client"));

        assertThat(claims.identity()).isEqualTo(SpiffeId.parse("spiffe://mesh.example/ns/demo-server/sa/mysql-client"));
        assertThat(claims.caRoot()).isEqualTo(Fingerprint.of(Pem.readCertificates(state().resolve("root-cert.pem")).getFirst()));
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() throws Exception {
        Cli.Result noCa = Cli.run("token", "create", "--state-dir", temp.resolve("empty").toString(), "--namespace", "a", "--service-account", "b");
        Cli.run("ca", "init", "--state-dir", state().toString());
        Cli.Result badNamespace = Cli.run("token", "create", "--state-dir", state().toString(), "--namespace", "a/b", "--service-account", "b");
        Cli.Result badTtl = Cli.run("token", "create", "--state-dir", state().toString(), "--namespace", "a", "--service-account", "b", "--ttl", "5x");
        Cli.Result longTtl = Cli.run("token", "create", "--state-dir", state().toString(), "--namespace", "a", "--service-account", "b", "--ttl", "30d");
        Cli.Result missingFlag = Cli.run("token", "create", "--state-dir", state().toString(), "--namespace", "a");

        assertThat(List.of(noCa, badNamespace, badTtl, longTtl, missingFlag)).extracting(Cli.Result::exitCode).containsOnly(2);
        assertThat(noCa.err()).contains("holds no CA; run: tollgate ca init --state-dir " + temp.resolve("empty"));
        assertThat(badNamespace.err()).contains("namespace 'a/b' is not a valid path segment");
        assertThat(badTtl.err()).contains("'5x' is not a duration such as 90s, 30m, 24h or 7d");
        assertThat(longTtl.err()).contains("at most PT168H");
        assertThat(missingFlag.err()).contains("Missing required option: '--service-account=SA'");
    }

    @Test
    void certRequestWritesCredentialsThatOpensslAccepts() throws Exception {
        Cli.run("ca", "init", "--state-dir", state().toString());
        String controlPlane = serve();
        String token = token("demo-server", "mysql-client");
        Path out = temp.resolve("creds");

        Cli.Result result = Cli.run("cert", "request", "--control-plane", controlPlane, "--token", token, "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("identity:    spiffe://cluster.local/ns/demo-server/sa/mysql-client");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("key.pem")))).isEqualTo("rw-------");
        Files.writeString(out.resolve("leaf.pem"), Pem.encodeCertificates(List.of(Pem.readCertificates(out.resolve("cert-chain.pem")).getFirst())));
        assertThat(openssl(out, "verify", "-CAfile", "root-cert.pem", "-untrusted", "cert-chain.pem", "leaf.pem").strip()).isEqualTo("leaf.pem: OK");
        assertThat(openssl(out, "x509", "-in", "leaf.pem", "-noout", "-ext", "subjectAltName").lines().map(String::strip).toList())
                .containsExactly("X509v3 Subject Alternative Name: critical", "URI:spiffe://cluster.local/ns/demo-server/sa/mysql-client");
    }

    @Test
    void certRequestWithAUsedForgedOrMalformedTokenExitsWithTwo() throws Exception {
        Cli.run("ca", "init", "--state-dir", state().toString());
        String controlPlane = serve();
        String token = token("demo-server", "mysql-client");
        Path tokenFile = temp.resolve("token");
        Files.writeString(tokenFile, token + "\n", StandardCharsets.UTF_8);
        assertThat(Cli.run("cert", "request", "--control-plane", controlPlane, "--token-file", tokenFile.toString(),
                "--out", temp.resolve("a").toString()).exitCode()).isZero();

        Cli.Result replayed = Cli.run("cert", "request", "--control-plane", controlPlane, "--token", token, "--out", temp.resolve("b").toString());
        String forgedToken = token.substring(0, token.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        Cli.Result forged = Cli.run("cert", "request", "--control-plane", controlPlane, "--token", forgedToken, "--out", temp.resolve("c").toString());
        Cli.Result malformed = Cli.run("cert", "request", "--control-plane", controlPlane, "--token", "nonsense", "--out", temp.resolve("d").toString());

        assertThat(replayed.exitCode()).isEqualTo(2);
        assertThat(replayed.err()).contains("UNAUTHENTICATED").contains("already used at");
        assertThat(forged.exitCode()).isEqualTo(2);
        assertThat(forged.err()).contains("is forged");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("not a valid join token: it does not start with tgjoin1.");
        assertThat(temp.resolve("b")).doesNotExist();
    }

    @Test
    void certRequestToAnAbsentControlPlaneExitsWithOne() throws Exception {
        Cli.run("ca", "init", "--state-dir", state().toString());
        String token = token("demo-server", "mysql-client");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Cli.Result result = Cli.run("cert", "request", "--control-plane", "127.0.0.1:" + closedPort, "--token", token, "--out", temp.resolve("x").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no certificate from the control plane at 127.0.0.1:" + closedPort + ": UNAVAILABLE");
    }

    @Test
    void caInspectShowsEachCertificateOfAChain() throws Exception {
        Cli.run("ca", "init", "--state-dir", state().toString());
        String controlPlane = serve();
        Path out = temp.resolve("creds");
        Cli.run("cert", "request", "--control-plane", controlPlane, "--token", token("demo-server", "mysql-client"), "--out", out.toString());
        Files.writeString(out.resolve("both.pem"), Files.readString(out.resolve("cert-chain.pem")) + Files.readString(out.resolve("root-cert.pem")));

        Cli.Result result = Cli.run("ca", "inspect", out.resolve("both.pem").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("certificate 1 of 2", "certificate 2 of 2")
                .contains("  identity:    spiffe://cluster.local/ns/demo-server/sa/mysql-client")
                .contains("  subject:     (empty)")
                .contains("  issuer:      CN=Tollgate Root CA,O=cluster.local")
                .contains("(valid now)")
                .contains("  fingerprint: " + Fingerprint.of(Pem.readCertificates(state().resolve("root-cert.pem")).getFirst()));
    }

    @Test
    void caInspectRefusesWhatIsNotACertificate() throws Exception {
        Cli.run("ca", "init", "--state-dir", state().toString());

        Cli.Result key = Cli.run("ca", "inspect", state().resolve("root-key.pem").toString());
        Cli.Result missing = Cli.run("ca", "inspect", temp.resolve("nope.pem").toString());

        assertThat(key.exitCode()).isEqualTo(2);
        assertThat(key.err()).isEqualTo("tollgate ca inspect: " + state().resolve("root-key.pem") + ": PEM block 1: not a CERTIFICATE but a PRIVATE KEY\n");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains(temp.resolve("nope.pem") + ": cannot read");
    }

    private static String openssl(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
