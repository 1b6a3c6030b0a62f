/**
 * Pods on one machine: network namespaces whose outbound TCP is captured by a sidecar living in the root
 * namespace, as Istio ambient's ztunnel "in-pod" mode does.
 *
 * <p>Lifecycle, as {@code tollgate run} wires it (the capture side is {@link io.tollgate.dataplane.capture}):
 * <ol>
 *   <li>{@code new Pods().create(PodSpec.withHosts(hosts))}: namespace {@code tg-N}, loopback, a sink interface
 *       with a default route, capture rules ({@link io.tollgate.dataplane.pod.CaptureRules}), hosts file, an
 *       empty resolv.conf and an nsswitch.conf that looks host names up in the hosts file only. Service addresses come from {@link io.tollgate.dataplane.pod.ServiceAddresses}.</li>
 *   <li>{@link io.tollgate.dataplane.pod.CleanupOnExit#install} with {@code pod::close}, so Ctrl-C leaves nothing.</li>
 *   <li>The sidecar opens {@code new NamespacedListener(pod.namespaceFile(), pod.captureAddress(), backlog)} and
 *       binds its upstream sockets to {@code pod.sourceAddress()}.</li>
 *   <li>{@code pod.exec(command)} runs the workload with the terminal; its exit status is the run's.</li>
 *   <li>Close the listener, then the pod. {@code Pods.removeLeftovers()} at {@code tollgate up} start clears
 *       what a killed run left.</li>
 * </ol>
 * Everything here runs commands ({@code ip}, {@code iptables-restore}) and needs root.
 */
package io.tollgate.dataplane.pod;
