package io.tollgate.bench.harness;

import io.tollgate.bench.load.BulkEcho;
import io.tollgate.bench.load.BulkEchoResult;

/** The bulk correctness guard: a stream of pseudo-random bytes through the arm to the echo server comes back intact. */
record IntegrityTrial(long bytes) implements Trial {
    @Override
    public String name() {
        return "bulk echo integrity";
    }

    @Override
    public void run(TrialScope scope) throws java.io.IOException, InterruptedException {
        BulkEchoResult result = BulkEcho.run(scope.endpoints().echo(), bytes, scope.round());
        scope.guard("bulk bytes echoed equal bytes sent", result.intact(), result.describe());
    }
}
