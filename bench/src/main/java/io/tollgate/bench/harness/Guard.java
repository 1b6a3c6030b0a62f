package io.tollgate.bench.harness;

/** One correctness check of one trial; a run with any failed guard exits non-zero. */
record Guard(int round, String arm, String name, boolean passed, String detail) {
}
