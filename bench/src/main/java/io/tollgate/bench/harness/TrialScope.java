package io.tollgate.bench.harness;

import java.io.IOException;
import java.util.Map;

/** One arm in one round, as a trial sees it: where to send traffic, which processes to charge, where to record. */
record TrialScope(int round, String arm, ArmState.Running running, Recorder recorder) {
    Endpoints endpoints() {
        return running.endpoints();
    }

    CpuMeter cpuMeter() throws IOException {
        return new CpuMeter(running.proxies());
    }

    void sample(Metric metric, double value, Map<String, Object> detail) {
        recorder.sample(round, arm, metric, value, detail);
    }

    void guard(String name, boolean passed, String detail) {
        recorder.guard(round, arm, name, passed, detail);
    }
}
