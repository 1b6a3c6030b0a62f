package io.tollgate.bench.harness;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One benchmark run. Upstreams live for the whole run; each round starts every arm afresh, then runs each trial
 * for every arm in turn (the arm order rotates from round to round), so the arms of a round share the machine's
 * mood and their ratio is fair even when a neighbour's build steals a core for a while.
 */
final class Bench {
    static final List<Summary.Ratio> RATIOS = List.of(new Summary.Ratio("haproxy", "direct"),
            new Summary.Ratio("tollgate", "haproxy"), new Summary.Ratio("tollgate-tls", "haproxy"),
            new Summary.Ratio("tollgate", "tollgate-base"));

    private final BenchOptions options;
    private final Progress progress;
    private final Resources resources;
    private final Recorder recorder;

    Bench(BenchOptions options, Progress progress, Resources resources) {
        this.options = options;
        this.progress = progress;
        this.resources = resources;
        this.recorder = new Recorder(progress);
    }

    /** Runs everything and returns the exit code: 0 when every guard passed, 1 otherwise. */
    int run() throws IOException, InterruptedException {
        String started = Instant.now().toString();
        Settings settings = options.settings();
        RunDirectory dir = options.runDirectory();
        Map<String, String> versions = Versions.collect(dir, options.tools(), options.repository());
        progress.note("versions: " + versions);
        Sysbench sysbench = new Sysbench(dir, settings.sysbenchTables(), settings.sysbenchTableSize());
        Upstreams upstreams = UpstreamSet.start(dir, options.tools(), sysbench, resources, progress);
        List<Arm> arms = arms();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            List<Arm> order = rotate(arms, round - 1);
            progress.note("round " + round + " of " + settings.rounds() + ", arm order "
                    + order.stream().map(Arm::name).toList());
            runRound(round, order, upstreams, sysbench, unavailable);
        }
        versions.put("loadavg.end", Versions.loadAverage());
        List<String> armNames = arms.stream().map(Arm::name).toList();
        List<Summary.Row> rows = Summary.of(recorder.metrics(), recorder.samples(), armNames, RATIOS);
        // A quick run proves the harness and its guards work; its one short round says nothing about ratios.
        boolean quick = options.mode() == BenchOptions.Mode.QUICK;
        if (quick) {
            System.out.println("Quick run: one short round, a smoke test of the harness; only the guards decide the exit code.");
        }
        System.out.println(Table.render(rows, armNames, quick ? List.of() : RATIOS, unavailable, settings.rounds()));
        System.out.println("versions: " + versions);
        Map<String, String> armStatus = new LinkedHashMap<>();
        armNames.forEach(arm -> armStatus.put(arm, unavailable.getOrDefault(arm, "ran")));
        JsonReport.write(options.output(), new JsonReport.Report(options.mode().name().toLowerCase(), started,
                Instant.now().toString(), Map.of("settings", settings, "arms", armNames), versions, armStatus,
                recorder.samples(), recorder.guards(), JsonReport.rows(rows)));
        List<Guard> failed = recorder.failedGuards();
        System.out.printf("guards: %d passed, %d failed; raw rows in %s%n",
                recorder.guards().size() - failed.size(), failed.size(), options.output());
        failed.forEach(guard -> System.out.printf("  FAILED round %d %s: %s: %s%n",
                guard.round(), guard.arm(), guard.name(), guard.detail()));
        return failed.isEmpty() ? 0 : 1;
    }

    private void runRound(int round, List<Arm> order, Upstreams upstreams, Sysbench sysbench,
                          Map<String, String> unavailable) throws IOException, InterruptedException {
        Settings settings = options.settings();
        ArmContext context = new ArmContext(options.runDirectory(), new Pki(options.runDirectory().pki()), upstreams,
                options.tools(), settings.idleConnections() + 500, round);
        Map<String, ArmState.Running> running = new LinkedHashMap<>();
        try {
            for (Arm arm : order) {
                start(round, arm, context, running, unavailable);
            }
            phase(round, running, List.of(new IdentityTrial()));
            phase(round, running, List.of(new IdleMemoryTrial(settings.idleConnections(), settings.idleSteps(),
                    options.tools().javaHome(), options.runDirectory())));
            recorder.startWarmUp();
            phase(round, running, warmupTrials(sysbench));
            recorder.endWarmUp();
            phase(round, running, List.of(new IntegrityTrial(settings.integrityBytes())));
            phase(round, running, timedTrials(sysbench));
        } finally {
            recorder.endWarmUp();
            running.values().forEach(resources::release);
        }
    }

    private void start(int round, Arm arm, ArmContext context, Map<String, ArmState.Running> running,
                       Map<String, String> unavailable) throws InterruptedException {
        try {
            switch (arm.start(context)) {
                case ArmState.Running started -> running.put(arm.name(), resources.add(started));
                case ArmState.Unavailable why -> {
                    if (unavailable.putIfAbsent(arm.name(), why.reason()) == null) {
                        progress.note(arm.name() + " arm unavailable: " + why.reason());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            recorder.guard(round, arm.name(), "arm started", false, e.getMessage());
        }
    }

    /** Runs each trial for every running arm before moving to the next trial: arms interleave at trial level. */
    private void phase(int round, Map<String, ArmState.Running> running, List<Trial> trials) throws InterruptedException {
        boolean settled = false;
        for (Trial trial : trials) {
            if (!options.trials().keeps(trial)) {
                continue;
            }
            if (trial instanceof LatencyTrial sliced && sliced.slices() > 1) {
                if (!settled) {
                    settleJit(round, running);
                    settled = true;
                }
                collectOwnGarbage();
                interleave(round, running, sliced);
                continue;
            }
            for (Map.Entry<String, ArmState.Running> arm : running.entrySet()) {
                try {
                    trial.run(new TrialScope(round, arm.getKey(), arm.getValue(), recorder));
                } catch (IOException | RuntimeException e) {
                    recorder.guard(round, arm.getKey(), trial.name() + " ran", false, e.toString());
                }
            }
        }
    }

    /**
     * Collects this JVM's heap right before a sliced latency trial. The ping-pong client runs here, and its
     * connections and histograms (about 2.5 MB a slice) made a young collection every ~50 s during the latency
     * trials: an 8-20 ms stop of the client's sender and receivers, which could fall in any arm's measured window.
     * With the young generation {@code bench/run} gives this JVM (640 MB), a trial's slices (about 80 MB) fit in it
     * after this collection. This JVM's heap only: the proxies under test are never collected by the harness.
     */
    private static void collectOwnGarbage() {
        System.gc();
    }

    /**
     * Right before the first timed latency trial, not at the end of the warm-up: the bulk and connection trials
     * that come between change the proxies' profiles, and in a full run the C2 compiler then still spent 40-70 ms
     * during some rounds' first ping-pong ({@link JitSettle}). Records nothing but failed guards.
     */
    private void settleJit(int round, Map<String, ArmState.Running> running) throws InterruptedException {
        recorder.startWarmUp();
        try {
            JitSettle.of(options.settings()).run(round, running, recorder)
                    .forEach(line -> progress.note("round " + round + " " + line));
        } finally {
            recorder.endWarmUp();
        }
    }

    /**
     * Runs a latency trial slice by slice, each slice through every arm in turn, in the order {@link SliceOrder} gives
     * that slice ({@link LatencyTrial}); then records each arm's slices together. An arm whose slice could not run is
     * recorded as a failed guard and left out of the later slices.
     */
    private void interleave(int round, Map<String, ArmState.Running> running, LatencyTrial trial)
            throws InterruptedException {
        Map<String, LatencyTrial.Slice> taken = new LinkedHashMap<>();
        Set<String> failed = new HashSet<>();
        List<String> arms = List.copyOf(running.keySet());
        for (int slice = 0; slice < trial.slices(); slice++) {
            List<String> order = SliceOrder.of(arms, slice);
            for (String arm : order) {
                if (failed.contains(arm)) {
                    continue;
                }
                try {
                    taken.merge(arm, trial.slice(new TrialScope(round, arm, running.get(arm), recorder)),
                            LatencyTrial.Slice::plus);
                } catch (IOException | RuntimeException e) {
                    failed.add(arm);
                    taken.remove(arm);
                    recorder.guard(round, arm, trial.name() + " ran", false, e.toString());
                }
            }
        }
        taken.forEach((arm, slices) -> {
            try {
                trial.record(new TrialScope(round, arm, running.get(arm), recorder), slices);
            } catch (RuntimeException e) {
                recorder.guard(round, arm, trial.name() + " ran", false, e.toString());
            }
        });
    }

    /**
     * One short trial of each kind of traffic the timed trials send (both handshakes, both bulk directions, every
     * sysbench workload), so no timed trial is the first to run a path: a Java proxy would spend its first seconds
     * on it compiling, and that CPU and the slower code before it would count against the proxy, not the JIT.
     */
    private List<Trial> warmupTrials(Sysbench sysbench) {
        Settings s = options.settings();
        int fastest = s.latencyRates().stream().max(Integer::compare).orElseThrow();
        List<Trial> trials = new ArrayList<>();
        for (GreetingTrial.Handshake handshake : GreetingTrial.Handshake.values()) {
            trials.add(new GreetingTrial(handshake, s.greetingWorkers(), s.warmup()));
        }
        trials.add(new LatencyTrial(fastest, s.latencyConnections(), java.time.Duration.ZERO, s.warmup(), 1));
        for (String workload : Sysbench.WORKLOADS) {
            trials.add(new SysbenchTrial(sysbench, workload, s.sysbenchThreads().getLast(), s.warmup()));
        }
        for (Iperf.Direction direction : Iperf.Direction.values()) {
            trials.add(new BulkTrial(options.runDirectory(), direction, s.warmup()));
        }
        return trials;
    }

    private List<Trial> timedTrials(Sysbench sysbench) {
        Settings s = options.settings();
        List<Trial> trials = new ArrayList<>();
        trials.add(new BulkTrial(options.runDirectory(), Iperf.Direction.UP, s.bulkTime()));
        trials.add(new BulkTrial(options.runDirectory(), Iperf.Direction.DOWN, s.bulkTime()));
        trials.add(new GreetingTrial(GreetingTrial.Handshake.FULL, s.greetingWorkers(), s.greetingTime()));
        trials.add(new GreetingTrial(GreetingTrial.Handshake.RESUMED, s.greetingWorkers(), s.greetingTime()));
        for (int rate : s.latencyRates()) {
            trials.add(new LatencyTrial(rate, s.latencyConnections(), s.latencyWarmup(), s.latencyMeasure(rate),
                    s.latencySlices()));
        }
        for (String workload : Sysbench.WORKLOADS) {
            for (int threads : s.sysbenchThreads()) {
                trials.add(new SysbenchTrial(sysbench, workload, threads, s.sysbenchTime()));
            }
        }
        return trials;
    }

    private List<Arm> arms() {
        List<Arm> arms = new ArrayList<>();
        for (String name : options.arms()) {
            arms.add(switch (name) {
                case "direct" -> new DirectArm();
                case "haproxy" -> new HaproxyArm();
                // Each Tollgate arm listens in an address block of its own (127.62/16, 127.63/16, 127.64/16).
                case "tollgate" -> new TollgateArm(name, options.repository(), true, 62);
                case "tollgate-tls" -> new TollgateArm(name, options.repository(), false, 63);
                case "tollgate-base" -> new TollgateArm(name, options.baseRepository().orElseThrow(
                        () -> new IllegalArgumentException("the tollgate-base arm needs --base-repo")), true, 64);
                default -> throw new IllegalArgumentException("unknown arm " + name);
            });
        }
        return arms;
    }

    static <T> List<T> rotate(List<T> items, int by) {
        List<T> rotated = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            rotated.add(items.get((i + by) % items.size()));
        }
        return rotated;
    }
}
