package io.tollgate.bench.authz;

import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.policy.authz.AuthorizationEngine;
import io.tollgate.policy.authz.Connection;
import io.tollgate.policy.authz.Decision;
import io.tollgate.policy.authz.Workload;
import io.tollgate.policy.authz.WorkloadAuthorizer;
import io.tollgate.policy.compile.PolicyCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * AuthorizationPolicy decisions per second on one thread, as a proxy makes them: one {@link WorkloadAuthorizer} per
 * workload, built once, then {@code decide} per connection.
 *
 * <ul>
 *   <li>{@code mixedWorkloads}: 1,024 (workload, connection) pairs drawn from the whole configuration, in turn.</li>
 *   <li>{@code targetWorkload}: one workload whose own policies are the same in every configuration; its cost must
 *   not move with {@code policies}, which only adds policies that cannot apply to it.</li>
 * </ul>
 * Run with {@code bench/authz}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuthorizationBenchmark {
    private static final int PAIRS = 1024;

    @Param({"10", "1000", "10000"})
    public int policies;

    private WorkloadAuthorizer[] authorizers;
    private Connection[] connections;
    private WorkloadAuthorizer target;
    private Connection[] targetConnections;
    private int next;

    @Setup
    public void compile() {
        PolicyMix mix = new PolicyMix(42);
        AuthorizationEngine engine = new PolicyCompiler(MeshConfig.DEFAULT).compile(mix.policies(policies)).engine();
        List<Workload> workloads = mix.workloads(PAIRS);
        authorizers = workloads.stream().map(engine::forWorkload).toArray(WorkloadAuthorizer[]::new);
        connections = mix.connections(PAIRS).toArray(Connection[]::new);
        target = engine.forWorkload(PolicyMix.TARGET);
        targetConnections = connections;
    }

    @Benchmark
    public Decision mixedWorkloads() {
        int i = next++ & (PAIRS - 1);
        return authorizers[i].decide(connections[i]);
    }

    @Benchmark
    public Decision targetWorkload() {
        int i = next++ & (PAIRS - 1);
        return target.decide(targetConnections[i]);
    }
}
