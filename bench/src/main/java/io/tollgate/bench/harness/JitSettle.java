package io.tollgate.bench.harness;

import io.tollgate.bench.load.PingPongResult;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Untimed ping-pong at the fastest rate through each arm with a JVM proxy, right before the latency trials, until
 * its JIT compilers go quiet, so the ping-pong path is compiled when it is timed. A fixed warm-up was not enough: on
 * fresh proxies the C2 compiler still spent ~0.5 s during the first timed ping-pong when that came first (with
 * {@code --trials latency}), and the proxies' tail and CPU per message were the compiler's, not theirs; in a full
 * run, after the bulk and connection trials, it still spent 40-70 ms in some rounds.
 *
 * @param probe  the traffic of one pass: one run of the warm-up's length, no warm-up of its own
 * @param quiet  compiler time in one pass at or below which an arm counts as warm
 * @param passes at most this many passes per arm; an arm still compiling then is said so, and the round goes on
 */
record JitSettle(LatencyTrial probe, Duration quiet, int passes) {
    static JitSettle of(Settings settings) {
        int fastest = settings.latencyRates().stream().max(Integer::compare).orElseThrow();
        LatencyTrial probe = new LatencyTrial(fastest, settings.latencyConnections(), Duration.ZERO, settings.warmup(), 1);
        return new JitSettle(probe, Duration.ofMillis(20), settings.jitSettlePasses());
    }

    /**
     * Runs the passes; returns one line per JVM arm: how many passes it took, or that it did not settle. A pass whose
     * echoes do not match, or that fails, is a failed guard, and that arm's warm-up stops there.
     */
    List<String> run(int round, Map<String, ArmState.Running> running, Recorder recorder)
            throws InterruptedException {
        Map<String, Long> unsettled = new LinkedHashMap<>();
        running.keySet().forEach(arm -> unsettled.put(arm, Long.MAX_VALUE));
        List<String> outcome = new ArrayList<>();
        for (int pass = 1; pass <= passes && !unsettled.isEmpty(); pass++) {
            for (String arm : List.copyOf(unsettled.keySet())) {
                TrialScope scope = new TrialScope(round, arm, running.get(arm), recorder);
                try {
                    CompilerTime before = CompilerTime.of(scope.running().proxies());
                    if (before.jvms() == 0) {
                        unsettled.remove(arm); // no JVM proxy (direct, HAProxy): nothing to warm
                        continue;
                    }
                    if (!before.readable()) {
                        unsettled.remove(arm);
                        outcome.add(arm + " JIT time unreadable (no C1/C2 compiler threads found); not waited for");
                        continue;
                    }
                    PingPongResult result = probe.slice(scope).result();
                    long compiled = CompilerTime.of(scope.running().proxies()).millisSince(before);
                    if (!result.intact()) {
                        scope.guard("JIT warm-up ping-pong bytes echoed equal bytes sent", false, result.describe());
                        unsettled.remove(arm);
                        outcome.add(arm + " JIT warm-up stopped: " + result.describe());
                    } else if (compiled <= quiet.toMillis()) {
                        unsettled.remove(arm);
                        outcome.add(arm + " JIT quiet after " + pass + " pass(es) of " + probe.measure().toMillis() + " ms");
                    } else {
                        unsettled.put(arm, compiled);
                    }
                } catch (IOException | RuntimeException e) {
                    scope.guard("JIT warm-up ran", false, e.toString());
                    unsettled.remove(arm);
                    outcome.add(arm + " JIT warm-up stopped: " + e);
                }
            }
        }
        unsettled.forEach((arm, compiled) -> outcome.add(arm + " JIT still compiling after " + passes
                + " pass(es) (" + compiled + " ms in the last); its latency trials may share the cores with it"));
        return outcome;
    }
}
