package io.tollgate.bench.harness;

/**
 * A row of the table. {@link Kind#ADDED_LATENCY} rows are recorded as absolute latencies and reported, for every
 * arm but direct, as the latency added over direct in the same round; {@link Kind#PROXY_COST} rows exist only for
 * arms with proxies (CPU or memory per unit of work).
 */
record Metric(String key, String label, String unit, Kind kind) {
    enum Kind { THROUGHPUT, PROXY_COST, ADDED_LATENCY }

    static Metric throughput(String key, String label, String unit) {
        return new Metric(key, label, unit, Kind.THROUGHPUT);
    }

    static Metric cost(String key, String label, String unit) {
        return new Metric(key, label, unit, Kind.PROXY_COST);
    }

    static Metric latency(String key, String label) {
        return new Metric(key, label, "us", Kind.ADDED_LATENCY);
    }
}
