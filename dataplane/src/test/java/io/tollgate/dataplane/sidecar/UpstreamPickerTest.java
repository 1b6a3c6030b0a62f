package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.connection.EndpointAddress;
import io.tollgate.dataplane.connection.NoUpstream;
import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.LoadBalancer;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.SidecarRoute;
import io.tollgate.policy.route.Upstream;
import io.tollgate.policy.route.UpstreamTls;
import io.tollgate.policy.route.WeightedUpstream;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamPickerTest {
    private static final Hostname GATEWAY = Hostname.of("istio-egressgateway.istio-system.svc.cluster.local");
    private static final Hostname CANARY = Hostname.of("canary-gateway.istio-system.svc.cluster.local");
    private final UpstreamPicker picker = new UpstreamPicker(new EndpointAddress(HostResolver.pinned(
            Map.of(GATEWAY, List.of(InetAddress.ofLiteral("127.0.0.1"))),
            name -> CompletableFuture.failedFuture(new UnknownHostException(name.value())))));

    private static Upstream upstream(Hostname service, Resolution resolution) {
        return new Upstream(service, PortNumber.of(13306), List.of(), resolution, new UpstreamTls.Disabled(), LoadBalancer.ROUND_ROBIN);
    }

    private static SidecarRoute route(HostPort destination, WeightedUpstream... upstreams) {
        return new SidecarRoute(destination, List.of(upstreams), "test/vs");
    }

    @Test
    void aZeroWeightUpstreamIsNeverPickedAndANameIsResolved() throws Exception {
        HostPort rds = HostPort.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com", 3306);
        SidecarRoute route = route(rds, new WeightedUpstream(0, upstream(CANARY, Resolution.DNS)),
                new WeightedUpstream(100, upstream(GATEWAY, Resolution.DNS)));
        for (int i = 0; i < 20; i++) {
            assertThat(picker.pick(route, rds).get().address()).isEqualTo(new InetSocketAddress("127.0.0.1", 13306));
        }
    }

    @Test
    void resolutionNoneDialsTheCapturedAddressAndNeedsOne() throws Exception {
        HostPort byAddress = HostPort.of("192.0.2.7", 5432);
        assertThat(picker.pick(route(byAddress, new WeightedUpstream(1, upstream(GATEWAY, Resolution.NONE))), byAddress).get().address())
                .isEqualTo(new InetSocketAddress("192.0.2.7", 5432));

        HostPort byName = HostPort.of("db.example.com", 5432);
        assertThatThrownBy(() -> picker.pick(route(byName, new WeightedUpstream(1, upstream(GATEWAY, Resolution.NONE))), byName).get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NoUpstream.class)
                .hasMessageContaining("has resolution NONE");
    }

    @Test
    void aNameThatDoesNotResolveIsNoUpstream() {
        HostPort rds = HostPort.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com", 3306);
        assertThatThrownBy(() -> picker.pick(route(rds, new WeightedUpstream(1, upstream(CANARY, Resolution.DNS))), rds).get())
                .hasCauseInstanceOf(NoUpstream.class)
                .hasMessageContaining("cannot resolve " + CANARY);
    }
}
