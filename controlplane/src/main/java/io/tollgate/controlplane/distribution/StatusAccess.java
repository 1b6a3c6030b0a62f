package io.tollgate.controlplane.distribution;

import io.tollgate.identity.SpiffeId;

/**
 * Who may read the control plane's status (which proxies exist and what they refused is worth protecting). The
 * caller is always authenticated by its client certificate first; this decides among authenticated callers.
 */
@FunctionalInterface
public interface StatusAccess {
    boolean mayRead(SpiffeId caller);
}
