package io.tollgate.identity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real TLS over loopback with the JDK's engine: a server whose key manager follows a {@link CredentialRotator},
 * clients verified by {@link SpiffeTrustManager}. Rotation changes what new handshakes see and leaves an open
 * connection working; a client from another CA fails the handshake and the rejection is observed.
 */
class TlsRotationTest {
    private static final SpiffeId SERVER = SpiffeId.parse("spiffe://cluster.local/ns/istio-system/sa/istio-egressgateway");
    private static final SpiffeId CLIENT = SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/mysql-client");

    @TempDir
    Path temp;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CompletableFuture<PeerRejectedException> rejected = new CompletableFuture<>();
    private CertificateAuthority ca;
    private CredentialRotator serverCredentials;
    private SSLServerSocket server;

    @BeforeEach
    void startServer() throws Exception {
        ca = CertificateAuthority.initialize(new CaDirectory(temp), "cluster.local", Optional.empty(), IssuancePolicy.ISTIO_DEFAULTS, Clock.systemUTC());
        serverCredentials = new CredentialRotator(issue(SERVER), current -> issue(SERVER), RotationPolicy.DEFAULT, Clock.systemUTC(),
                RandomGenerator.getDefault());
        PeerVerifier verifier = PeerVerifier.forMesh(ca.trustBundle(), "cluster.local", List.of(), Clock.systemUTC());
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(new KeyManager[] {new RotatingKeyManager(serverCredentials::current, RotatingKeyManager.Presentation.CHAIN)},
                new TrustManager[] {new SpiffeTrustManager(verifier, new SpiffeTrustManager.Observer() {
                    @Override
                    public void accepted(SpiffeId peer) {
                    }

                    @Override
                    public void rejected(PeerRejectedException rejection) {
                        rejected.complete(rejection);
                    }
                })}, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        threads.submit(this::acceptLoop);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private WorkloadCredentials issue(SpiffeId identity) throws Exception {
        var keyPair = P256.generate();
        var chain = ca.sign(SigningRequest.create(keyPair, identity), new AttestedIdentity(identity, "test"), Optional.empty());
        return new WorkloadCredentials(keyPair.getPrivate(), chain, ca.trustBundle());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.submit(() -> echo(socket));
            } catch (IOException e) {
                return; // closed by the test
            }
        }
    }

    private static void echo(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                socket.getOutputStream().write(b);
                socket.getOutputStream().flush();
            }
        } catch (IOException e) {
            // the client went away or failed its handshake: nothing to do
        }
    }

    private SSLSocket connect(WorkloadCredentials clientCredentials) throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        PeerVerifier verifier = PeerVerifier.forMesh(ca.trustBundle(), "cluster.local", List.of(), Clock.systemUTC()).expecting(SERVER);
        context.init(new KeyManager[] {new RotatingKeyManager(() -> clientCredentials, RotatingKeyManager.Presentation.CHAIN)},
                new TrustManager[] {new SpiffeTrustManager(verifier, SpiffeTrustManager.Observer.NONE)}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    private static int roundTrip(Socket socket, int value) throws IOException {
        socket.getOutputStream().write(value);
        socket.getOutputStream().flush();
        return socket.getInputStream().read();
    }

    private static X509Certificate serverLeaf(SSLSocket socket) throws Exception {
        return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }

    @Test
    void newConnectionsGetTheNewCertificateAndOpenOnesKeepWorking() throws Exception {
        WorkloadCredentials client = issue(CLIENT);
        WorkloadCredentials before = serverCredentials.current();
        SSLSocket open = connect(client);
        assertThat(serverLeaf(open)).isEqualTo(before.leaf());
        assertThat(roundTrip(open, 1)).isEqualTo(1);

        RenewalOutcome outcome = serverCredentials.renewIfDue(serverCredentials.nextAttempt());

        assertThat(outcome).isInstanceOf(RenewalOutcome.Renewed.class);
        try (SSLSocket fresh = connect(client)) {
            assertThat(serverLeaf(fresh)).isEqualTo(serverCredentials.current().leaf()).isNotEqualTo(before.leaf());
            assertThat(roundTrip(fresh, 2)).isEqualTo(2);
        }
        assertThat(roundTrip(open, 3)).isEqualTo(3);
        assertThat(serverLeaf(open)).isEqualTo(before.leaf());
        open.close();
    }

    @Test
    void aClientFromAnotherCaFailsTheHandshakeAndIsCounted() throws Exception {
        TestCertificates.Issued otherRoot = TestCertificates.root("cluster.local");
        WorkloadCredentials impostor = TestCertificates.leaf(otherRoot).uri(CLIENT.toString()).build()
                .credentials(TrustBundle.of(otherRoot.certificate()));

        assertThatThrownBy(() -> {
            try (SSLSocket socket = connect(impostor)) {
                roundTrip(socket, 1); // TLS 1.3: the server judges the client's certificate after the client finishes
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("closed by the server");
                }
            }
        }).isInstanceOf(IOException.class);
        assertThat(rejected.get(10, TimeUnit.SECONDS).reason()).isEqualTo(PeerRejectedException.Reason.UNTRUSTED_CA);
    }

    @Test
    void aClientRefusesAServerWithAnotherIdentity() throws Exception {
        WorkloadCredentials client = issue(CLIENT);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        PeerVerifier onlyControlPlane = PeerVerifier.forMesh(ca.trustBundle(), "cluster.local", List.of(), Clock.systemUTC())
                .expecting(ControlPlaneIdentity.in("cluster.local"));
        context.init(new KeyManager[] {new RotatingKeyManager(() -> client, RotatingKeyManager.Presentation.CHAIN)},
                new TrustManager[] {new SpiffeTrustManager(onlyControlPlane, SpiffeTrustManager.Observer.NONE)}, null);

        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThatThrownBy(socket::startHandshake).hasStackTraceContaining("expected spiffe://cluster.local/ns/istio-system/sa/tollgate-control-plane");
        }
    }

    @Test
    void aPinnedRootClientAcceptsOnlyTheServerThatPresentsThatRoot() throws Exception {
        WorkloadCredentials serving = ca.issueControlPlaneCredentials();
        SSLContext serverContext = SSLContext.getInstance("TLSv1.3");
        serverContext.init(new KeyManager[] {new RotatingKeyManager(() -> serving, RotatingKeyManager.Presentation.CHAIN_WITH_ROOT)}, null, null);
        try (SSLServerSocket pinnedServer = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            threads.submit(() -> {
                try (Socket socket = pinnedServer.accept()) {
                    echo(socket);
                }
                return null;
            });
            SSLContext good = SSLContext.getInstance("TLSv1.3");
            good.init(null, new TrustManager[] {new PinnedRootTrustManager(Fingerprint.of(ca.root()), ControlPlaneIdentity.in("cluster.local"),
                    Clock.systemUTC())}, null);
            try (SSLSocket socket = (SSLSocket) good.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), pinnedServer.getLocalPort())) {
                socket.startHandshake();
                assertThat(roundTrip(socket, 7)).isEqualTo(7);
            }
        }
        TestCertificates.Issued otherRoot = TestCertificates.root("other");
        SSLContext wrongPin = SSLContext.getInstance("TLSv1.3");
        wrongPin.init(null, new TrustManager[] {new PinnedRootTrustManager(Fingerprint.of(otherRoot.certificate()),
                ControlPlaneIdentity.in("cluster.local"), Clock.systemUTC())}, null);
        try (SSLSocket socket = (SSLSocket) wrongPin.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThatThrownBy(socket::startHandshake).hasStackTraceContaining("did not present the pinned root " + Fingerprint.of(otherRoot.certificate()));
        }
    }
}
