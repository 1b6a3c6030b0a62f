package io.tollgate.dataplane.testing;

import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.tls.MeshClientTls;
import io.tollgate.dataplane.tls.MeshServerTls;
import io.tollgate.identity.AttestedIdentity;
import io.tollgate.identity.CaDirectory;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.IssuancePolicy;
import io.tollgate.identity.P256;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.SigningRequest;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.SpiffeTrustManager;
import io.tollgate.identity.TrustBundle;
import io.tollgate.identity.WorkloadCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throwaway mesh for one test: the identity module's own CA (a fresh self-signed root for trust domain
 * {@code cluster.local}) and workload credentials it signs, exactly as the control plane would issue them. Each
 * instance is a separate root, so {@code new TestPki()} twice gives a mesh and a stranger.
 */
public final class TestPki {
    public static final String TRUST_DOMAIN = "cluster.local";
    private final CertificateAuthority ca;

    public TestPki() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("tollgate-test-ca-");
            ca = CertificateAuthority.initialize(new CaDirectory(directory.resolve("ca")), TRUST_DOMAIN, Optional.empty(),
                    IssuancePolicy.ISTIO_DEFAULTS, Clock.systemUTC());
        } catch (Exception e) {
            throw new IllegalStateException("test CA: " + e.getMessage(), e);
        } finally {
            delete(directory); // the CA keeps its key in memory once loaded
        }
    }

    public TrustBundle trustBundle() {
        return ca.trustBundle();
    }

    /** Accepts any identity of this mesh's trust domain whose chain ends at this CA's root. */
    public PeerVerifier verifier() {
        return PeerVerifier.forMesh(ca.trustBundle(), TRUST_DOMAIN, List.of(), Clock.systemUTC());
    }

    /** A new key and a certificate for {@code id}, signed by this CA as for an attested workload. */
    public WorkloadCredentials credentials(SpiffeId id) {
        try {
            KeyPair keys = P256.generate();
            return new WorkloadCredentials(keys.getPrivate(),
                    ca.sign(SigningRequest.create(keys, id), new AttestedIdentity(id, "test"), Optional.empty()), ca.trustBundle());
        } catch (Exception e) {
            throw new IllegalStateException("test certificate for " + id + ": " + e.getMessage(), e);
        }
    }

    /** Server TLS for {@code id}, accepting this mesh's clients. */
    public MeshServerTls serverTls(SpiffeId id, Duration handshakeTimeout) {
        WorkloadCredentials credentials = credentials(id);
        return new MeshServerTls(() -> credentials, verifier(), SpiffeTrustManager.Observer.NONE, handshakeTimeout);
    }

    /** Client TLS for {@code id}, trusting this mesh's servers; rejections are counted in {@code metrics}. */
    public MeshClientTls clientTls(SpiffeId id, Duration handshakeTimeout, ProxyMetrics metrics) {
        WorkloadCredentials credentials = credentials(id);
        return new MeshClientTls(() -> credentials, verifier(), metrics.peerRejections(), handshakeTimeout);
    }

    public MeshClientTls clientTls(SpiffeId id, Duration handshakeTimeout) {
        return clientTls(id, handshakeTimeout, new ProxyMetrics());
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the test CA directory " + directory, e);
        }
    }
}
