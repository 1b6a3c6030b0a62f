package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.UpstreamDialer;
import io.tollgate.dataplane.tls.MeshClientTls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** What every connection's handlers share: built once by {@link SidecarServer}, read by all event loops. */
record SidecarRuntime(AtomicReference<OutboundTable> table, MeshClientTls tls, UpstreamPicker picker,
                      UpstreamDialer dialer, AccessLog accessLog, ProxyMetrics metrics, Duration idleTimeout) {
}
