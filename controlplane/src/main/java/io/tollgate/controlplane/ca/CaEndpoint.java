package io.tollgate.controlplane.ca;

import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.tollgate.identity.Attestor;
import io.tollgate.identity.CertificateAuthority;
import io.tollgate.identity.CredentialRotator;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.RotationPolicy;
import io.tollgate.identity.Scheduler;
import io.tollgate.identity.WorkloadCredentials;

import javax.net.ssl.SSLException;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What the control plane needs to serve certificate signing: the service definition, the verifier of mesh
 * clients, and a server TLS context whose serving certificate (the control plane's own identity, issued by the
 * CA to itself) renews on the scheduler like any workload's. Host the service on a {@link SigningServer} with
 * {@link #serverTls()}, alone or with other services.
 */
public final class CaEndpoint implements AutoCloseable {
    private final CertificateAuthority ca;
    private final CredentialRotator serving;
    private final PeerVerifier clientVerifier;
    private final ServerServiceDefinition service;
    private final SslContext serverTls;

    private CaEndpoint(CertificateAuthority ca, CredentialRotator serving, PeerVerifier clientVerifier, ServerServiceDefinition service,
                       SslContext serverTls) {
        this.ca = ca;
        this.serving = serving;
        this.clientVerifier = clientVerifier;
        this.service = service;
        this.serverTls = serverTls;
    }

    /** Issues the serving certificate and starts its rotation on {@code scheduler}. */
    public static CaEndpoint open(CertificateAuthority ca, Attestor attestor, Clock clock, Scheduler scheduler) throws SSLException {
        // Renewing our own certificate cannot be refused by our own CA, so the renewer is a direct call.
        CredentialRotator serving = new CredentialRotator(ca.issueControlPlaneCredentials(), current -> ca.issueControlPlaneCredentials(),
                RotationPolicy.DEFAULT, clock, RandomGenerator.getDefault());
        PeerVerifier clientVerifier = PeerVerifier.forMesh(ca.trustBundle(), ca.trustDomain(), List.of(), clock);
        ServerServiceDefinition service = CertificateService.definition(new CertificateIssuer(ca, attestor), clientVerifier);
        SslContext serverTls = ControlPlaneTls.server(serving::current, clientVerifier);
        serving.start(scheduler);
        return new CaEndpoint(ca, serving, clientVerifier, service, serverTls);
    }

    public ServerServiceDefinition service() {
        return service;
    }

    public SslContext serverTls() {
        return serverTls;
    }

    /** Verifies mesh clients of any control-plane service hosted beside this one. */
    public PeerVerifier clientVerifier() {
        return clientVerifier;
    }

    public WorkloadCredentials servingCredentials() {
        return serving.current();
    }

    public CertificateAuthority authority() {
        return ca;
    }

    /** Stops renewing the serving certificate. */
    @Override
    public void close() {
        serving.stop();
    }
}
