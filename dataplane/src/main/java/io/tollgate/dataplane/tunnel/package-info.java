/**
 * Tunnels: many workload connections carried as HTTP/2 CONNECT streams over one long-lived mTLS connection from a
 * sidecar to a gateway, as Istio's HBONE carries them. A new database connection then costs one stream, not one
 * TLS handshake. What both ends share (the codec settings, the CONNECT request and its answer) is here, and the
 * sidecar's pool of tunnels; the gateway's side lives with the gateway. The relay sees each stream as a connection
 * of its own through {@link io.tollgate.dataplane.relay.StreamFrames}.
 *
 * <p>Threading: a tunnel and its streams live on one event loop, and the sidecar only puts a workload connection
 * on a tunnel of its own loop, so the relay's halves still share a thread.
 */
package io.tollgate.dataplane.tunnel;
