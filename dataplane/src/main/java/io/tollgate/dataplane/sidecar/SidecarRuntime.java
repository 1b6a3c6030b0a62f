package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.UpstreamDialer;
import io.tollgate.dataplane.tls.MeshClientTls;

import io.tollgate.dataplane.tunnel.TunnelPool;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every connection's handlers share: built once by {@link SidecarServer}, read by all event loops.
 *
 * @param tunnels the tunnels to gateways, when mTLS upstreams are reached through tunnels
 */
record SidecarRuntime(AtomicReference<OutboundTable> table, MeshClientTls tls, UpstreamPicker picker,
                      UpstreamDialer dialer, Optional<TunnelPool> tunnels, AccessLog accessLog, ProxyMetrics metrics,
                      Duration idleTimeout) {
}
