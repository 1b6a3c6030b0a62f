package io.tollgate.bench.load;

/** A connection-rate trial: connections that got a MySQL greeting, those that did not (with the first reason), time. */
public record GreetingRateResult(long greeted, long failed, String firstFailure, long nanos) {
    public double perSecond() {
        return greeted / (nanos / 1e9);
    }

    /** The correctness guard: at least one greeting, and every connection got one. */
    public boolean allGreeted() {
        return greeted > 0 && failed == 0;
    }

    public String describe() {
        return "greeted " + greeted + " failed " + failed + (firstFailure.isEmpty() ? "" : " first failure: " + firstFailure);
    }
}
