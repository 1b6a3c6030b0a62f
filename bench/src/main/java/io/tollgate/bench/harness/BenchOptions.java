package io.tollgate.bench.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A run as {@link BenchMain} parsed it from the command line.
 *
 * @param baseRepository for the {@code tollgate-base} arm: another checkout whose built CLI runs beside this one's,
 *                       so two versions of Tollgate are compared within one run
 */
record BenchOptions(Mode mode, Settings settings, List<String> arms, TrialFilter trials, RunDirectory runDirectory, Path output,
                    Path repository, Optional<Path> baseRepository, Tools tools) {
    /** Quick checks the correctness guards only; full also measures for ratios. */
    enum Mode { QUICK, FULL }
}
