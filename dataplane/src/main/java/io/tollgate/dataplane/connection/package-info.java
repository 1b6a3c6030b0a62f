/**
 * What a gateway connection and a sidecar outbound connection have in common: the record of one proxied
 * connection from accept to close, the handlers that end it (access log and metrics at close), the upstream relay
 * pipeline, and turning an endpoint into an address to dial. The gateway and sidecar packages add only what
 * differs: who the peer is and how the destination is decided.
 */
package io.tollgate.dataplane.connection;
