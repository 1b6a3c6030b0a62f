package io.tollgate.bench.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a round's warm-up for the latency trials: more short ping-pong through each arm with a JVM proxy
 * until its JIT compilers go quiet, so no timed trial shares the cores with them. A fixed warm-up was not enough:
 * on fresh proxies the C2 compiler still spent ~0.5 s during the first timed ping-pong when that ran first (only
 * {@code --trials latency}), and the proxies' tail and CPU per message were the compiler's, not theirs.
 *
 * @param probe   the traffic of one pass (one slice, fastest rate)
 * @param quiet   compiler time in one pass at or below which an arm counts as warm
 * @param passes  at most this many passes per arm; an arm still compiling then is said so, and the round goes on
 */
record JitSettle(LatencyTrial probe, Duration quiet, int passes) {
    static JitSettle of(Settings settings) {
        int fastest = settings.latencyRates().stream().max(Integer::compare).orElseThrow();
        LatencyTrial probe = new LatencyTrial(fastest, settings.latencyConnections(), Duration.ZERO,
                Duration.ofSeconds(2), 1);
        return new JitSettle(probe, Duration.ofMillis(20), 8);
    }

    /** Runs the passes; returns one line per JVM arm: how many passes it took, or that it did not settle. */
    List<String> run(int round, Map<String, ArmState.Running> running, Recorder recorder)
            throws InterruptedException {
        Map<String, Long> unsettled = new LinkedHashMap<>();
        for (Map.Entry<String, ArmState.Running> arm : running.entrySet()) {
            try {
                if (new TrialScope(round, arm.getKey(), arm.getValue(), recorder).cpuMeter().measuresJava()) {
                    unsettled.put(arm.getKey(), Long.MAX_VALUE);
                }
            } catch (IOException gone) {
                // An arm whose process is gone is not warmed; its trials record that as failed guards.
            }
        }
        List<String> outcome = new ArrayList<>();
        for (int pass = 1; pass <= passes && !unsettled.isEmpty(); pass++) {
            for (String arm : List.copyOf(unsettled.keySet())) {
                TrialScope scope = new TrialScope(round, arm, running.get(arm), recorder);
                try {
                    CpuMeter meter = scope.cpuMeter();
                    probe.slice(scope);
                    long compiled = meter.jitMillis();
                    if (compiled <= quiet.toMillis()) {
                        unsettled.remove(arm);
                        outcome.add(arm + " JIT quiet after " + pass + " pass(es) of " + probe.measure().toSeconds() + " s");
                    } else {
                        unsettled.put(arm, compiled);
                    }
                } catch (IOException | RuntimeException e) {
                    unsettled.remove(arm);
                    outcome.add(arm + " JIT warm-up stopped: " + e);
                }
            }
        }
        unsettled.forEach((arm, compiled) -> outcome.add(arm + " JIT still compiling after " + passes
                + " passes (" + compiled + " ms in the last); its timed trials share the cores with it"));
        return outcome;
    }
}
