/**
 * Tunnels: many workload connections carried as HTTP/2 CONNECT streams over one long-lived mTLS connection from a
 * sidecar to a gateway, as Istio's HBONE carries them. A new database connection then costs one stream, not one
 * TLS handshake. What both ends share (the codec settings, the CONNECT request and its answer) is here, and the
 * sidecar's pool of tunnels; the gateway's side lives with the gateway.
 *
 * <p>A stream is not a channel: one handler per tunnel ({@link io.tollgate.dataplane.tunnel.TunnelConnection}) maps
 * stream ids to {@link io.tollgate.dataplane.tunnel.TunnelStream}s and hands their frames to a
 * {@link io.tollgate.dataplane.tunnel.StreamEnd}, for a relay a socket's
 * {@link io.tollgate.dataplane.relay.StreamRelay}: a DATA frame is a socket write, a socket read a DATA frame, with no
 * frame object, child pipeline or promise listener per message between them.
 *
 * <p>Threading: a tunnel and its streams live on one event loop, and the sidecar only puts a workload connection
 * on a tunnel of its own loop, so the relay's halves still share a thread.
 */
package io.tollgate.dataplane.tunnel;
