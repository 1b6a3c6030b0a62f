package io.tollgate.bench.harness;

import java.util.Map;

/** One raw measurement, as written to the JSON: a metric's value for one arm in one round, with its raw counts. */
record Sample(int round, String arm, String metric, double value, String unit, Map<String, Object> detail) {
}
