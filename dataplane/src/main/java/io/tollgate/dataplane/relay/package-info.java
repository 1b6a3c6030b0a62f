/**
 * Moving bytes between two channels with backpressure, shared by the sidecar and the gateway: each handler does
 * one thing ({@link io.tollgate.dataplane.relay.RelayHandler} forwards between sockets,
 * {@link io.tollgate.dataplane.relay.StreamRelay} between a socket and a tunnel stream, {@link io.tollgate.dataplane.relay.ByteCounter}
 * counts, {@link io.tollgate.dataplane.relay.IdleCloser} times out) and the proxies compose them.
 *
 * <p>Threading: an upstream channel is always registered on its downstream channel's event loop, so the two
 * halves of one connection never race and per-connection state needs no locks.
 */
package io.tollgate.dataplane.relay;
