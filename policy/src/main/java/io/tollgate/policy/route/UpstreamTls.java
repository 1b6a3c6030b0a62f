package io.tollgate.policy.route;

import java.util.List;
import java.util.Optional;

/** How a sidecar speaks to an upstream: plain TCP, or Istio mutual TLS with the workload certificate. */
public sealed interface UpstreamTls {

    /** No TLS origination: bytes go out as the application wrote them. */
    record Disabled() implements UpstreamTls {
    }

    /**
     * mTLS with the workload's own certificate ({@code ISTIO_MUTUAL}).
     *
     * @param sni             the server name to send; when empty, none is sent
     * @param subjectAltNames SPIFFE IDs the upstream may present (DestinationRule {@code subjectAltNames}); when
     *                        empty, any identity of the mesh's trust domain is accepted
     */
    record IstioMutual(Optional<Hostname> sni, List<String> subjectAltNames) implements UpstreamTls {
        public IstioMutual {
            if (sni == null) {
                throw new IllegalArgumentException("sni must be present or empty, not null");
            }
            subjectAltNames = List.copyOf(subjectAltNames);
        }
    }
}
