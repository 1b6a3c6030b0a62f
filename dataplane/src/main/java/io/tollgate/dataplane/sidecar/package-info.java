/**
 * The sidecar: a workload's outbound proxy. Connections arrive on explicit listeners (one per registered
 * {@code host:port}, on a loopback service address) or through a pod's capture listener (original destination
 * by {@code SO_ORIGINAL_DST}), and all pass through one entry point,
 * {@link io.tollgate.dataplane.sidecar.OutboundAccept}, which applies
 * {@link io.tollgate.dataplane.sidecar.OutboundDecision}: a registered destination is sent along its route (a
 * weighted upstream, an endpoint by the load balancer, mTLS with the workload certificate and the route's SNI to
 * the egress gateway, whose SPIFFE identity is checked), an unregistered one is black-holed under REGISTRY_ONLY
 * or passed through under ALLOW_ANY (never to the host's own loopback).
 *
 * <p>Per connection the pipeline is {@code idle -> count -> hold -> accept -> end}; {@code accept} removes itself
 * once the upstream is up and judged, and the hold becomes the relay. The upstream pipeline is
 * {@code [tls -> handshake ->] count -> relay -> end}.
 *
 * <p>Wiring ({@code tollgate sidecar} / {@code tollgate run}): build a {@link io.tollgate.dataplane.tls.MeshClientTls}
 * over the workload's {@code CredentialRotator::current}, then
 * {@link io.tollgate.dataplane.sidecar.SidecarServer#start} with
 * {@link io.tollgate.dataplane.sidecar.SidecarSettings#explicit} or
 * {@link io.tollgate.dataplane.sidecar.SidecarSettings#inPod}; print
 * {@link io.tollgate.dataplane.sidecar.SidecarServer#listeners}; feed route updates to
 * {@link io.tollgate.dataplane.sidecar.SidecarServer#update}; for a pod, write
 * {@link io.tollgate.dataplane.sidecar.SidecarServer#hosts} into its hosts file after start and each update.
 */
package io.tollgate.dataplane.sidecar;
