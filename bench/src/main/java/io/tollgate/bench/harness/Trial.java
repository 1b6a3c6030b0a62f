package io.tollgate.bench.harness;

import java.io.IOException;

/**
 * One measurement or check, run for each arm in turn within a round. A trial records its samples and guards in
 * the scope; an exception means the trial could not run at all, which the round records as a failed guard.
 */
sealed interface Trial permits BulkTrial, GreetingTrial, IdentityTrial, IdleMemoryTrial, IntegrityTrial, LatencyTrial,
        SysbenchTrial {
    String name();

    void run(TrialScope scope) throws IOException, InterruptedException;
}
