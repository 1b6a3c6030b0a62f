package io.tollgate.controlplane.client;

/**
 * What a {@link ConfigClient} can say about its connection.
 *
 * @param state       where it stands
 * @param failures    consecutive failed or ended streams since the server last accepted one
 * @param lastFailure the gRPC status of the last ended stream, e.g. {@code PERMISSION_DENIED: ...}; empty if none
 */
public record ClientHealth(ConnectionState state, int failures, String lastFailure) {
}
