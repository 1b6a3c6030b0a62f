package io.tollgate.controlplane.ca;

import io.grpc.MethodDescriptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.tollgate.controlplane.rpc.AuthenticatedPeer;
import io.tollgate.controlplane.rpc.JsonMarshaller;
import io.tollgate.controlplane.rpc.PeerIdentityInterceptor;
import io.tollgate.identity.PeerVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The certificate-signing gRPC service, {@code tollgate.ca.v1.CertificateService/Sign}: one unary method, JSON
 * messages ({@link JsonMarshaller}), no generated code. The definition is exposed on its own so the control
 * plane can host it beside the configuration-distribution service on one server.
 */
public final class CertificateService {
    public static final String SERVICE_NAME = "tollgate.ca.v1.CertificateService";
    public static final MethodDescriptor<SignRequest, SignResponse> SIGN = MethodDescriptor.<SignRequest, SignResponse>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE_NAME, "Sign"))
            .setRequestMarshaller(JsonMarshaller.of(SignRequest.class))
            .setResponseMarshaller(JsonMarshaller.of(SignResponse.class))
            .build();
    private static final Logger LOG = LoggerFactory.getLogger(CertificateService.class);

    private CertificateService() {
    }

    /**
     * The service, with the interceptor that authenticates mesh callers by their client certificate; {@code
     * clientVerifier} must be the same verifier the server's TLS context checks client certificates with.
     */
    public static ServerServiceDefinition definition(CertificateIssuer issuer, PeerVerifier clientVerifier) {
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE_NAME)
                .addMethod(SIGN, ServerCalls.asyncUnaryCall((SignRequest request, StreamObserver<SignResponse> response) -> {
                    try {
                        response.onNext(issuer.sign(request, Optional.ofNullable(AuthenticatedPeer.KEY.get())));
                        response.onCompleted();
                    } catch (StatusException e) {
                        response.onError(e);
                    } catch (RuntimeException e) {
                        // A bug or a failed disk write (the replay record): fail closed, and say so once.
                        LOG.error("signing failed", e);
                        response.onError(Status.INTERNAL.withDescription("signing failed: " + e.getMessage()).asException());
                    }
                }))
                .build();
        return ServerInterceptors.intercept(service, new PeerIdentityInterceptor(clientVerifier));
    }
}
