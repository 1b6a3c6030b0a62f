package io.tollgate.controlplane.distribution;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.tollgate.identity.SpiffeId;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Puts the caller's SPIFFE identity, read from its TLS client certificate, into the gRPC {@link Context}.
 *
 * <p>It never refuses a call itself: the certificate service on the same server must accept callers that have no
 * certificate yet (they bootstrap with a join token). Services that need an identity read {@link #current()} and
 * refuse when it is empty. The chain itself was verified by the server's trust manager during the handshake; this
 * only reads the identity out of a certificate that passed.
 */
public final class PeerIdentity implements ServerInterceptor {
    private static final Context.Key<SpiffeId> KEY = Context.key("tollgate-peer-spiffe-id");
    private static final int URI_SAN = 6;

    /** The identity of the caller of the RPC running on this thread, if it presented exactly one SPIFFE ID. */
    public static Optional<SpiffeId> current() {
        return Optional.ofNullable(KEY.get());
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        Optional<SpiffeId> peer = fromSession(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        if (peer.isEmpty()) {
            return next.startCall(call, headers);
        }
        return Contexts.interceptCall(Context.current().withValue(KEY, peer.get()), call, headers, next);
    }

    /** The SPIFFE ID of the session's peer: exactly one URI SAN that parses, or empty. */
    static Optional<SpiffeId> fromSession(SSLSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                return Optional.empty();
            }
            List<String> uris = uriSans(leaf);
            return uris.size() == 1 ? Optional.of(SpiffeId.parse(uris.getFirst())) : Optional.empty();
        } catch (SSLPeerUnverifiedException | CertificateParsingException | IllegalArgumentException e) {
            // No client certificate, or one whose identity is not a single well-formed SPIFFE ID: no identity.
            return Optional.empty();
        }
    }

    private static List<String> uriSans(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
        List<String> uris = new ArrayList<>();
        if (sans != null) {
            for (List<?> san : sans) {
                if (san.size() == 2 && Integer.valueOf(URI_SAN).equals(san.get(0)) && san.get(1) instanceof String uri) {
                    uris.add(uri);
                }
            }
        }
        return uris;
    }
}
