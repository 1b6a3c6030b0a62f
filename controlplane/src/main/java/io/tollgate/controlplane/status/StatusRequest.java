package io.tollgate.controlplane.status;

/** The (empty) request of the Status RPC; a record so that it can grow fields without changing the method. */
public record StatusRequest() {
}
