/**
 * The egress gateway's data path: accept mesh mTLS on each routed port, learn the peer's SPIFFE ID and SNI, route
 * by (port, SNI), authorize before dialing anything, then relay to the registered destination. Refusals never
 * reach upstream: no route (NR), denied (DENY, or a MySQL error packet on a MYSQL port), no address (UH),
 * upstream down (UF).
 *
 * <p>Per connection the pipeline is {@code tls -> idle -> count -> hold -> accept -> end};
 * {@code accept} ({@link io.tollgate.dataplane.gateway.GatewayAccept}) removes itself once the upstream is up, and
 * the hold becomes the relay.
 */
package io.tollgate.dataplane.gateway;
