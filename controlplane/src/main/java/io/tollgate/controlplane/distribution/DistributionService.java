package io.tollgate.controlplane.distribution;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.tollgate.controlplane.rpc.AuthenticatedPeer;
import io.tollgate.controlplane.rpc.PeerIdentityInterceptor;
import io.tollgate.controlplane.status.StatusReport;
import io.tollgate.controlplane.status.StatusRequest;
import io.tollgate.controlplane.status.StatusRpc;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.SpiffeId;

import java.time.Clock;
import java.util.Optional;

/**
 * The gRPC face of a {@link ConfigDistributor}: the Stream method proxies hold open and the unary Status method.
 * Both require a caller authenticated by a valid mesh certificate, verified again at the start of each call
 * ({@link PeerIdentityInterceptor}, the same as certificate signing uses).
 */
public final class DistributionService<T> {
    private final ConfigDistributor<T> distributor;
    private final StatusAccess statusAccess;
    private final PeerVerifier clientVerifier;
    private final Clock clock;

    /** @param clientVerifier the verifier the server's TLS context checks client certificates with */
    public DistributionService(ConfigDistributor<T> distributor, StatusAccess statusAccess, PeerVerifier clientVerifier,
                               Clock clock) {
        this.distributor = distributor;
        this.statusAccess = statusAccess;
        this.clientVerifier = clientVerifier;
        this.clock = clock;
    }

    /** The service, with {@link PeerIdentityInterceptor} already in front of it. */
    public ServerServiceDefinition definition() {
        ServerServiceDefinition service = ServerServiceDefinition.builder(DistributionRpc.SERVICE)
                .addMethod(DistributionRpc.SERVER_STREAM, this::startStream)
                .addMethod(StatusRpc.STATUS, ServerCalls.asyncUnaryCall(this::status))
                .build();
        return ServerInterceptors.intercept(service, new PeerIdentityInterceptor(clientVerifier));
    }

    /** Ends every proxy stream with {@code status}; used when the server stops. */
    public void closeStreams(Status status) {
        distributor.closeAll(status);
    }

    private ServerCall.Listener<ProxyRequest> startStream(ServerCall<ProxyRequest, EncodedPush> call, Metadata headers) {
        Optional<SpiffeId> peer = AuthenticatedPeer.current().map(AuthenticatedPeer::identity);
        if (peer.isEmpty()) {
            call.close(Status.UNAUTHENTICATED.withDescription(
                    "configuration is served only to proxies presenting a client certificate with a SPIFFE ID"),
                    new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        call.request(1);
        return new StreamListener(call, peer.get(), distributor, clock);
    }

    private void status(StatusRequest request, StreamObserver<StatusReport> response) {
        Optional<SpiffeId> caller = AuthenticatedPeer.current().map(AuthenticatedPeer::identity);
        if (caller.isEmpty()) {
            response.onError(Status.UNAUTHENTICATED
                    .withDescription("status needs a client certificate with a SPIFFE ID").asRuntimeException());
        } else if (!statusAccess.mayRead(caller.get())) {
            response.onError(Status.PERMISSION_DENIED
                    .withDescription(caller.get() + " may not read the control plane's status").asRuntimeException());
        } else {
            response.onNext(distributor.status());
            response.onCompleted();
        }
    }
}
