package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDistributor;
import io.tollgate.controlplane.distribution.DistributionServer;
import io.tollgate.controlplane.distribution.DistributionService;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The control plane's port: certificate signing and configuration distribution on one TLS listener, in front of
 * the distributor that holds the version in force (or none yet, while the files load).
 */
record Serving(OpenedCa ca, ConfigDistributor<LoadedMesh> distributor, DistributionService<LoadedMesh> distribution,
               DistributionServer server) {

    /** Binds {@code listen} and serves; on failure nothing is left listening (the CA stays open: the caller's). */
    static Serving start(OpenedCa ca, ConfigDistributor<LoadedMesh> distributor, InetSocketAddress listen, Clock clock)
            throws IOException {
        DistributionService<LoadedMesh> distribution = new DistributionService<>(distributor, ca.admin()::isAdmin,
                ca.endpoint().clientVerifier(), clock);
        DistributionServer server = DistributionServer.start(listen, ca.endpoint().serverTls(), distribution,
                List.of(ca.endpoint().service()));
        return new Serving(ca, distributor, distribution, server);
    }

    /** Stops serving and closes the CA endpoint: a start that failed after this was made. */
    void abandon() {
        try {
            server.stop(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ca.endpoint().close();
    }
}
