package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDistributor;
import io.tollgate.controlplane.distribution.DistributionServer;
import io.tollgate.controlplane.distribution.DistributionService;
import io.tollgate.identity.CredentialException;
import io.tollgate.identity.SpiffeId;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The control plane's port: certificate signing and configuration distribution on one TLS listener, in front of
 * the distributor that holds the version in force (or none yet, while the files load).
 */
record Serving(OpenedCa ca, AdminCredentials admin, ConfigDistributor<LoadedMesh> distributor,
               DistributionService<LoadedMesh> distribution, DistributionServer server) {

    /**
     * Binds {@code listen} and serves, then writes the admin credentials under {@code stateDir} (proxies need the
     * port sooner than {@code tollgate status} needs its certificate). On failure nothing is left listening; the
     * CA stays open: it is the caller's.
     */
    static Serving start(OpenedCa ca, ConfigDistributor<LoadedMesh> distributor, InetSocketAddress listen, Path stateDir,
                         Clock clock) throws IOException, CredentialException {
        SpiffeId admin = AdminCredentials.identityIn(ca.authority().trustDomain());
        DistributionService<LoadedMesh> distribution = new DistributionService<>(distributor, admin::equals,
                ca.endpoint().clientVerifier(), clock);
        DistributionServer server = DistributionServer.start(listen, ca.endpoint().serverTls(), distribution,
                List.of(ca.endpoint().service()));
        try {
            return new Serving(ca, AdminCredentials.issue(ca.authority(), stateDir), distributor, distribution, server);
        } catch (CredentialException | RuntimeException e) {
            stop(server);
            throw e;
        }
    }

    /** Stops serving and closes the CA endpoint: a start that failed after this was made. */
    void abandon() {
        stop(server);
        ca.endpoint().close();
    }

    private static void stop(DistributionServer server) {
        try {
            server.stop(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
