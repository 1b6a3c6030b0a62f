package io.tollgate.controlplane.distribution;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.tollgate.controlplane.status.StatusReport;
import io.tollgate.controlplane.status.StatusRequest;
import io.tollgate.controlplane.status.StatusRpc;
import io.tollgate.identity.SpiffeId;

import java.time.Clock;
import java.util.Optional;

/**
 * The gRPC face of a {@link ConfigDistributor}: the Stream method proxies hold open and the unary Status method.
 * Both require a caller authenticated by a client certificate carrying a SPIFFE ID ({@link PeerIdentity}).
 */
public final class DistributionService<T> {
    private final ConfigDistributor<T> distributor;
    private final StatusAccess statusAccess;
    private final Clock clock;

    public DistributionService(ConfigDistributor<T> distributor, StatusAccess statusAccess, Clock clock) {
        this.distributor = distributor;
        this.statusAccess = statusAccess;
        this.clock = clock;
    }

    /** The service, with {@link PeerIdentity} already in front of it. */
    public ServerServiceDefinition definition() {
        ServerServiceDefinition service = ServerServiceDefinition.builder(DistributionRpc.SERVICE)
                .addMethod(DistributionRpc.SERVER_STREAM, this::startStream)
                .addMethod(StatusRpc.STATUS, ServerCalls.asyncUnaryCall(this::status))
                .build();
        return ServerInterceptors.intercept(service, new PeerIdentity());
    }

    /** Ends every proxy stream with {@code status}; used when the server stops. */
    public void closeStreams(Status status) {
        distributor.closeAll(status);
    }

    private ServerCall.Listener<ProxyRequest> startStream(ServerCall<ProxyRequest, EncodedPush> call, Metadata headers) {
        Optional<SpiffeId> peer = PeerIdentity.current();
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
        Optional<SpiffeId> caller = PeerIdentity.current();
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
