package io.tollgate.controlplane.distribution;

/**
 * What the distributor holds, swapped as one value: the version in force and, if the newest candidate was
 * refused, that refusal (null otherwise). One reference, so a status report never pairs a version with a
 * rejection that belongs to another moment.
 */
record ConfigState<T>(Publication<T> publication, Rejection rejection) {
}
