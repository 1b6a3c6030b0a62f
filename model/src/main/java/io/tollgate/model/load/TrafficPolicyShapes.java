package io.tollgate.model.load;

import java.util.Map;

/**
 * The parts of a DestinationRule's traffic policy that Tollgate accepts but does not apply, written as Istio's CRD
 * defines them (field names, types, enums, required fields), so that mistakes in them are still errors.
 */
final class TrafficPolicyShapes {
    static final Shape OUTLIER_DETECTION = Shape.obj(Map.of(
            "baseEjectionTime", Shape.DURATION,
            "consecutive5xxErrors", Shape.UINT32,
            "consecutiveErrors", Shape.INT32,
            "consecutiveGatewayErrors", Shape.UINT32,
            "consecutiveLocalOriginFailures", Shape.UINT32,
            "interval", Shape.DURATION,
            "maxEjectionPercent", new Shape.Int(0, 100),
            "minHealthPercent", new Shape.Int(0, 100),
            "outlierDetectionHttpErrorCodes", Shape.listOf(new Shape.Int(100, 599)),
            "splitExternalLocalOriginErrors", Shape.BOOL));

    static final Shape HTTP_CONNECTION_POOL = Shape.obj(Map.of(
            "h2UpgradePolicy", Shape.choice("DEFAULT", "DO_NOT_UPGRADE", "UPGRADE"),
            "http1MaxPendingRequests", new Shape.Int(0, Integer.MAX_VALUE),
            "http2KeepAlive", Shape.obj(Map.of("interval", Shape.DURATION, "timeout", Shape.DURATION), "interval", "timeout"),
            "http2MaxRequests", new Shape.Int(0, Integer.MAX_VALUE),
            "idleTimeout", Shape.DURATION,
            "maxConcurrentStreams", new Shape.Int(0, Integer.MAX_VALUE),
            "maxRequestsPerConnection", new Shape.Int(0, Integer.MAX_VALUE),
            "maxRetries", new Shape.Int(0, Integer.MAX_VALUE),
            "useClientProtocol", Shape.BOOL));

    private static final Shape FAILOVER = Shape.listOf(Shape.obj(Map.of("from", Shape.STRING, "to", Shape.STRING)));

    static final Shape CONSISTENT_HASH = Shape.obj(Map.of(
            "httpCookie", Shape.obj(Map.of(
                    "attributes", Shape.listOf(Shape.obj(Map.of("name", Shape.STRING, "value", Shape.STRING), "name")),
                    "name", Shape.STRING, "path", Shape.STRING, "ttl", Shape.DURATION_OR_ZERO), "name"),
            "httpHeaderName", Shape.STRING,
            "httpQueryParameterName", Shape.STRING,
            "maglev", Shape.obj(Map.of("tableSize", new Shape.Int(0, Long.MAX_VALUE))),
            "minimumRingSize", new Shape.Int(0, Long.MAX_VALUE),
            "ringHash", Shape.obj(Map.of("minimumRingSize", new Shape.Int(0, Long.MAX_VALUE))),
            "useSourceIp", Shape.BOOL));

    static final Shape LOCALITY_LB_SETTING = Shape.obj(Map.of(
            "distribute", Shape.listOf(Shape.obj(Map.of("from", Shape.STRING, "to", Shape.mapOf(Shape.UINT32)))),
            "enabled", Shape.BOOL,
            "failover", FAILOVER,
            "failoverPriority", Shape.listOf(Shape.STRING)));

    static final Shape ZONE_AWARE_LB_SETTING = Shape.obj(Map.of(
            "enabled", Shape.BOOL,
            "failover", FAILOVER,
            "failoverPriority", Shape.listOf(Shape.STRING),
            "minClusterSize", new Shape.Int(1, 4_294_967_295L)));

    static final Shape WARMUP = Shape.obj(Map.of(
            "aggression", new Shape.Num(Double.MIN_VALUE, Double.MAX_VALUE),
            "duration", Shape.DURATION,
            "minimumPercent", Shape.PERCENT), "duration");

    static final Shape BACKEND_UTILIZATION = Shape.obj(Map.of(
            "errorUtilizationPenaltyPercent", Shape.UINT32,
            "metricNamesForComputingUtilization", Shape.listOf(Shape.STRING),
            "weightExpirationPeriod", Shape.DURATION_OR_ZERO,
            "weightStabilizationPeriod", Shape.DURATION_OR_ZERO,
            "weightUpdatePeriod", Shape.DURATION_OR_ZERO));

    static final Shape TUNNEL = Shape.obj(Map.of(
            "protocol", Shape.choice("CONNECT", "POST"),
            "targetHost", Shape.STRING,
            "targetPort", new Shape.Int(1, 65535)), "targetHost", "targetPort");

    static final Shape PROXY_PROTOCOL = Shape.obj(Map.of("version", Shape.choice("V1", "V2")));

    static final Shape RETRY_BUDGET = Shape.obj(Map.of(
            "budgetInterval", Shape.DURATION_OR_ZERO,
            "minRetryConcurrency", Shape.UINT32,
            "percent", Shape.PERCENT));

    private TrafficPolicyShapes() {
    }
}
