package io.tollgate.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What a ping-pong trial saw. Latencies are measured from each message's scheduled send time, not its actual one,
 * which is the coordinated-omission correction: a stall in the path delays the schedule, and every message that
 * should have gone out during the stall is charged for it.
 */
public record PingPongResult(long sent, long echoed, long bytesSent, long bytesEchoed, long corrupt,
                             Histogram latencyNanos) {
    /** The correctness guard: every byte came back, unchanged. */
    public boolean intact() {
        return echoed == sent && bytesEchoed == bytesSent && corrupt == 0;
    }

    public double percentileMicros(double percentile) {
        return latencyNanos.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** Both results as one: counts added, histograms merged (the other's values kept exact). */
    public PingPongResult plus(PingPongResult other) {
        Histogram merged = latencyNanos.copy();
        merged.add(other.latencyNanos);
        return new PingPongResult(sent + other.sent, echoed + other.echoed, bytesSent + other.bytesSent,
                bytesEchoed + other.bytesEchoed, corrupt + other.corrupt, merged);
    }

    public String describe() {
        return "sent " + sent + " echoed " + echoed + " bytes " + bytesSent + "/" + bytesEchoed + " corrupt " + corrupt;
    }
}
