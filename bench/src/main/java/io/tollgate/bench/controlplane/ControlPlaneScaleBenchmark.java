package io.tollgate.bench.controlplane;

import java.util.Arrays;

/**
 * Issue 3's scale goal, measured end to end with the assembled {@link io.tollgate.controlplane.mesh.ControlPlane}:
 * 10,000 ServiceEntries plus 10,000 AuthorizationPolicies over 1,000 namespaces load, validate and reach 100
 * connected proxies (each re-loading and compiling what it receives) in under 2 s; a one-policy change reaches them
 * in under 200 ms. Two modes: Istio's default {@code exportTo} (every sidecar sees every ServiceEntry) and
 * namespace-local exports.
 *
 * <p>Everything runs in this one JVM on loopback with real mTLS: the control plane and the 100 proxies share the
 * machine's cores, so the proxies' compile work (which real proxies do in parallel on their own CPUs) is
 * serialized here; the CPU columns tell the two sides apart.
 *
 * <p>Run with {@code bench/control-plane-scale [mode] [teams] ...} ({@link ScaleSettings#USAGE}).
 */
public final class ControlPlaneScaleBenchmark {
    private ControlPlaneScaleBenchmark() {
    }

    /** Arguments: {@code --class-path CP} (this JVM's, for the child JVM that makes the CA), then the settings. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !args[0].equals("--class-path")) {
            throw new IllegalArgumentException("the first arguments must be --class-path CP (bench/control-plane-scale passes them)\n"
                    + ScaleSettings.USAGE);
        }
        String classPath = args[1];
        ScaleSettings settings = ScaleSettings.parse(Arrays.copyOfRange(args, 2, args.length));
        System.out.printf("Tollgate control plane scale: %d cores, Java %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        for (Exports mode : settings.modes()) {
            new ScaleRun(settings, mode, classPath, System.out).run();
        }
    }
}
