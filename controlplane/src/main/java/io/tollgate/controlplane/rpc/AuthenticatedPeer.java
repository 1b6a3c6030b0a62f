package io.tollgate.controlplane.rpc;

import io.grpc.Context;
import io.tollgate.identity.SpiffeId;

import java.util.Optional;

/** The mesh identity a caller proved in the TLS handshake (client auth is optional), and the serial of its certificate. */
public record AuthenticatedPeer(SpiffeId identity, String serialHex) {
    /** Set by {@link PeerIdentityInterceptor} for calls whose client presented a valid mesh certificate; else null. */
    public static final Context.Key<AuthenticatedPeer> KEY = Context.key("tollgate-authenticated-peer");

    /** The caller of the RPC running on this thread, when it presented a valid mesh certificate. */
    public static Optional<AuthenticatedPeer> current() {
        return Optional.ofNullable(KEY.get());
    }
}
