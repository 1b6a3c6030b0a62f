package io.tollgate.identity;

/**
 * The SPIFFE ID the control plane serves under. Clients check for exactly this identity, and the signing service
 * never issues it to a caller: only the CA itself mints it, so no workload can pose as the control plane.
 */
public final class ControlPlaneIdentity {
    public static final String NAMESPACE = "istio-system";
    public static final String SERVICE_ACCOUNT = "tollgate-control-plane";

    private ControlPlaneIdentity() {
    }

    public static SpiffeId in(String trustDomain) {
        return new SpiffeId(trustDomain, NAMESPACE, SERVICE_ACCOUNT);
    }

    public static boolean is(SpiffeId identity) {
        return identity.namespace().equals(NAMESPACE) && identity.serviceAccount().equals(SERVICE_ACCOUNT);
    }
}
