package io.tollgate.identity;

/**
 * Obtains fresh credentials for the same identity, typically a new key and a CSR sent to the control plane over
 * mTLS with the current certificate. Called on the rotator's thread; may block on the network.
 */
@FunctionalInterface
public interface Renewer {
    WorkloadCredentials renew(WorkloadCredentials current) throws Exception;
}
