package io.tollgate.bench.harness;

import java.io.IOException;

/**
 * One way from the client to the upstreams. Each round starts every arm afresh (so memory is measured from empty
 * pools and rounds are independent samples) and stops it at the round's end.
 */
sealed interface Arm permits DirectArm, HaproxyArm, TollgateArm {
    String name();

    /** Starts the arm's processes and waits until they listen; an arm that cannot run here says why instead. */
    ArmState start(ArmContext context) throws IOException, InterruptedException;
}
