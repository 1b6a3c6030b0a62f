package io.tollgate.dataplane.gateway;

import io.tollgate.dataplane.connection.EndpointAddress;
import io.tollgate.dataplane.connection.NoUpstream;
import io.tollgate.dataplane.relay.HostResolver;
import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Protocol;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.RouteTarget;
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

class UpstreamAddressTest {
    private static final Hostname DB = Hostname.of("db.example.com");
    private final UpstreamAddress addresses = new UpstreamAddress(new EndpointAddress(HostResolver.pinned(
            Map.of(DB, List.of(InetAddress.getLoopbackAddress())),
            name -> CompletableFuture.failedFuture(new UnknownHostException(name.value())))));

    private static RouteTarget target(Resolution resolution, List<Endpoint> endpoints) {
        return new RouteTarget(DB, PortNumber.of(3306), Protocol.TCP, resolution, endpoints);
    }

    @Test
    void resolvesTheDestinationItselfWhenNoEndpointsAreListed() throws Exception {
        assertThat(addresses.choose(target(Resolution.DNS, List.of())).get())
                .isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), 3306));
    }

    @Test
    void dialsAnIpEndpointAtItsMappedPortWithoutResolving() throws Exception {
        assertThat(addresses.choose(target(Resolution.STATIC, List.of(Endpoint.of("127.0.0.2", 13306)))).get())
                .isEqualTo(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.2"), 13306));
    }

    @Test
    void anUnresolvableHostOrResolutionNoneIsNoUpstream() {
        assertThatThrownBy(() -> addresses.choose(target(Resolution.DNS, List.of(Endpoint.of("gone.example.com", 1)))).get())
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(NoUpstream.class)
                .hasMessageContaining("cannot resolve gone.example.com");
        assertThatThrownBy(() -> addresses.choose(target(Resolution.NONE, List.of())).get())
                .cause().isInstanceOf(NoUpstream.class).hasMessageContaining("resolution NONE");
    }
}
