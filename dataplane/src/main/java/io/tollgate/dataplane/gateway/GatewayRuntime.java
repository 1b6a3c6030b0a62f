package io.tollgate.dataplane.gateway;

import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.UpstreamDialer;
import io.tollgate.dataplane.tls.MeshServerTls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** What every connection's handlers share: built once by {@link GatewayServer}, read by all event loops. */
record GatewayRuntime(AtomicReference<GatewayConfig> config, MeshServerTls tls, UpstreamAddress addresses,
                      UpstreamDialer dialer, AccessLog accessLog, ProxyMetrics metrics, Duration idleTimeout) {
}
