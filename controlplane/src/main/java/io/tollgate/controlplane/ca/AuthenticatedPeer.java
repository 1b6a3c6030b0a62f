package io.tollgate.controlplane.ca;

import io.grpc.Context;
import io.tollgate.identity.SpiffeId;

/** The mesh identity a caller proved in the TLS handshake (client auth is optional), and the serial of its certificate. */
public record AuthenticatedPeer(SpiffeId identity, String serialHex) {
    /** Set by {@link PeerIdentityInterceptor} for calls whose client presented a valid mesh certificate; else null. */
    public static final Context.Key<AuthenticatedPeer> KEY = Context.key("tollgate-authenticated-peer");
}
