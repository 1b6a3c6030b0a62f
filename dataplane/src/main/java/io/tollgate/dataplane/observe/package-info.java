/**
 * What a proxy tells about each connection: one JSON access-log line ({@link io.tollgate.dataplane.observe.AccessLog}),
 * Prometheus counters under Istio's names ({@link io.tollgate.dataplane.observe.ProxyMetrics}), and the admin HTTP
 * endpoint that serves them ({@link io.tollgate.dataplane.observe.AdminServer}).
 */
package io.tollgate.dataplane.observe;
