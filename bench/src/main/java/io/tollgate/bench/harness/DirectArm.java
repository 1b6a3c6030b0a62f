package io.tollgate.bench.harness;

import java.util.List;
import java.util.Optional;

/** The baseline: the client talks to the upstreams themselves. No proxy, so no proxy CPU or memory to charge. */
record DirectArm() implements Arm {
    @Override
    public String name() {
        return "direct";
    }

    @Override
    public ArmState start(ArmContext context) {
        Upstreams upstreams = context.upstreams();
        Endpoints endpoints = new Endpoints(upstreams.echo().address(), upstreams.iperf().address(),
                upstreams.mysql().address(), Optional.of(upstreams.mysql().address()), Optional.empty());
        return new ArmState.Running(endpoints, List.of(), List.of());
    }
}
