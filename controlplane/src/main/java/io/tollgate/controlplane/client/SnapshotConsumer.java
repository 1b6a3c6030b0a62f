package io.tollgate.controlplane.client;

import io.tollgate.controlplane.distribution.Snapshot;

/**
 * The proxy's side of distribution: compiles a snapshot and starts using it, or says why it cannot. Called on the
 * client's own thread, one snapshot at a time; a snapshot it rejects must leave the previous one in force.
 */
@FunctionalInterface
public interface SnapshotConsumer {
    Verdict apply(Snapshot snapshot);
}
