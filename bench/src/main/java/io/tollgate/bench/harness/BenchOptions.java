package io.tollgate.bench.harness;

import java.nio.file.Path;
import java.util.List;

/** A run as {@link BenchMain} parsed it from the command line. */
record BenchOptions(Mode mode, Settings settings, List<String> arms, TrialFilter trials, RunDirectory runDirectory, Path output,
                    Path repository, Tools tools) {
    /** Quick checks the correctness guards only; full also measures for ratios. */
    enum Mode { QUICK, FULL }
}
