package io.tollgate.controlplane.client;

/** Where a {@link ConfigClient} stands with its control plane. */
public enum ConnectionState {
    /** A stream is being opened; the server has not accepted the hello yet. */
    CONNECTING,
    /** The server accepted the hello; pushes arrive. */
    CONNECTED,
    /** No stream; waiting out the backoff before the next attempt. The last good snapshot stays in force. */
    DISCONNECTED,
    /** {@link ConfigClient#close()} was called. */
    CLOSED
}
