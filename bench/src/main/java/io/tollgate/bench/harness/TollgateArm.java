package io.tollgate.bench.harness;

import java.nio.file.Path;

/**
 * The Tollgate chain: client -> {@code tollgate sidecar} (explicit listener) -> mTLS -> {@code tollgate gateway}
 * (AuthorizationPolicy on) -> upstream. This is the only place that knows how to run it; the rest of the harness
 * sees an {@link ArmState}.
 *
 * <p>Today the data plane commands do not exist yet, so {@link #start} reports the arm unavailable and every
 * table column for it reads n/a. To wire it, {@code start} must, for the round in {@code context}:
 * <ol>
 *   <li>write Istio resources for the three {@link Upstreams} (ServiceEntry per host, resolution STATIC with the
 *       upstream's loopback endpoint; Gateway {@code istio-egressgateway} on a free port, ISTIO_MUTUAL;
 *       DestinationRule with {@code sni} = host; VirtualService mesh -> gateway -> upstream) and an ALLOW
 *       AuthorizationPolicy on the gateway for principal {@code cluster.local/ns/demo-server/sa/default}, so the
 *       identity guard's intruder ({@link Pki#INTRUDER_ID}) is denied by policy;</li>
 *   <li>start the control plane (a helper: not charged) with the run's CA, {@link Pki#caCertificate()} and
 *       {@code ca.key} beside it, so the probes' certificates chain to the same root;</li>
 *   <li>start {@code tollgate gateway --control-plane ADDR --token T --namespace istio-system --service-account
 *       istio-egressgateway-service-account --label istio=egressgateway} and {@code tollgate sidecar
 *       --control-plane ADDR --token T --namespace demo-server --service-account default --bind HOST=IP ...},
 *       each with {@code -XX:NativeMemoryTracking=summary}, {@link Tools#java()} (the same JDK), one event loop
 *       thread, access log off, TLS 1.3 TLS_AES_128_GCM_SHA256 with X25519 only, and wait for their listeners;</li>
 *   <li>return {@code Running(endpoints, List.of(sidecar, gateway), List.of(controlPlane))} where endpoints are
 *       the sidecar's listeners, {@code mysqlFullHandshake} a listener that never resumes TLS (or empty), and the
 *       gateway door uses the admitted/intruder PKCS#12 files of {@link Pki}.</li>
 * </ol>
 */
record TollgateArm(Path repository) implements Arm {
    static final String NOT_BUILT = "the data plane commands (tollgate sidecar, tollgate gateway; issue 4) are not"
            + " built yet, so this arm is not wired into the harness";

    @Override
    public String name() {
        return "tollgate";
    }

    @Override
    public ArmState start(ArmContext context) {
        return new ArmState.Unavailable(NOT_BUILT);
    }
}
