package io.tollgate.bench.harness;

import java.util.List;

/** The result of starting an arm: running, with its entry points and processes, or unavailable with the reason. */
sealed interface ArmState {
    /**
     * {@code proxies} are the processes whose CPU and memory are the arm's cost (none for direct);
     * {@code helpers} run beside them but are not charged (e.g. a control plane). Closing stops them all.
     */
    record Running(Endpoints endpoints, List<ChildProcess> proxies, List<ChildProcess> helpers)
            implements ArmState, AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            for (ChildProcess process : proxies.reversed()) {
                process.close();
            }
            for (ChildProcess process : helpers.reversed()) {
                process.close();
            }
        }
    }

    record Unavailable(String reason) implements ArmState {
    }
}
