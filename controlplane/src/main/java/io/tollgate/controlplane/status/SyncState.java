package io.tollgate.controlplane.status;

/** Where one proxy stands against what the control plane last sent it (istioctl proxy-status's columns). */
public enum SyncState {
    /** It acknowledged the latest push, or reconnected already running exactly its current scope. */
    SYNCED,
    /** A push is on its way or awaits the proxy's answer. */
    STALE,
    /** It refused the latest push and keeps running its previous version. */
    NACKED,
    /** Connected, but nothing sent yet (its stream cannot take more data at the moment). */
    NOT_SENT
}
