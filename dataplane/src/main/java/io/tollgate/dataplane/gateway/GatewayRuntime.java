package io.tollgate.dataplane.gateway;

import io.tollgate.dataplane.observe.AccessLog;
import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.dataplane.relay.UpstreamDialer;
import io.tollgate.dataplane.tls.MeshServerTls;

import io.netty.channel.group.ChannelGroup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every connection's handlers share: built once by {@link GatewayServer}, read by all event loops.
 *
 * @param open          proxied connections not yet closed: connections of their own and tunnel streams
 * @param tunnels       tunnels (their streams are in {@code open})
 * @param connectionIds the source of connection ids, for access-log lines
 */
record GatewayRuntime(AtomicReference<GatewayConfig> config, MeshServerTls tls, UpstreamAddress addresses,
                      UpstreamDialer dialer, AccessLog accessLog, ProxyMetrics metrics, Duration idleTimeout,
                      ChannelGroup open, ChannelGroup tunnels, AtomicLong connectionIds) {
}
