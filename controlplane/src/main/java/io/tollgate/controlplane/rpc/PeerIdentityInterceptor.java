package io.tollgate.controlplane.rpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.tollgate.identity.PeerRejectedException;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.SpiffeId;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Puts the caller's mesh identity into the call's {@link Context} under {@link AuthenticatedPeer#KEY}, for every
 * service of the control plane (certificate signing, configuration, status). The handshake already verified any
 * client certificate; this verifies it again per call, because a connection can outlive its certificate, and a
 * call must not be authorised by an expired one. A caller without a certificate passes with no identity (it may
 * bootstrap with a join token); each service decides what that caller may do.
 */
public final class PeerIdentityInterceptor implements ServerInterceptor {
    private final PeerVerifier verifier;

    public PeerIdentityInterceptor(PeerVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        if (session == null) {
            return next.startCall(call, headers);
        }
        Certificate[] presented;
        try {
            presented = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return next.startCall(call, headers); // no client certificate: a bootstrap caller with a token
        }
        X509Certificate[] chain = Arrays.stream(presented).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        try {
            SpiffeId identity = verifier.verify(chain);
            Context context = Context.current().withValue(AuthenticatedPeer.KEY,
                    new AuthenticatedPeer(identity, chain[0].getSerialNumber().toString(16)));
            return Contexts.interceptCall(context, call, headers, next);
        } catch (PeerRejectedException e) {
            call.close(Status.UNAUTHENTICATED.withDescription("client certificate no longer valid: " + e.getMessage()), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
    }
}
