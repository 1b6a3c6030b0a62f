package io.tollgate.bench.harness;

import java.util.List;
import java.util.Set;

/**
 * Which kinds of trial a run makes ({@code --trials}): all of them by default, or a few to iterate faster on one
 * metric. A kind that is left out is also left out of the warm-up; the identity guard always runs, since it is
 * what proves an arm is the chain it claims to be.
 */
record TrialFilter(Set<String> kinds) {
    static final List<String> KINDS = List.of("memory", "integrity", "bulk", "greetings", "latency", "sysbench");

    static TrialFilter all() {
        return new TrialFilter(Set.copyOf(KINDS));
    }

    /** The kinds named in {@code list} (comma-separated); an unknown one is an argument error. */
    static TrialFilter parse(String list) {
        Set<String> kinds = Set.of(list.split(","));
        for (String kind : kinds) {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("--trials: unknown trial '" + kind + "' (known: " + String.join(", ", KINDS) + ")");
            }
        }
        return new TrialFilter(kinds);
    }

    boolean keeps(Trial trial) {
        return switch (trial) {
            case IdentityTrial ignored -> true;
            case IdleMemoryTrial ignored -> kinds.contains("memory");
            case IntegrityTrial ignored -> kinds.contains("integrity");
            case BulkTrial ignored -> kinds.contains("bulk");
            case GreetingTrial ignored -> kinds.contains("greetings");
            case LatencyTrial ignored -> kinds.contains("latency");
            case SysbenchTrial ignored -> kinds.contains("sysbench");
        };
    }

    /** Whether every kind runs (a full run); the table then has every row. */
    boolean everything() {
        return kinds.containsAll(KINDS);
    }
}
