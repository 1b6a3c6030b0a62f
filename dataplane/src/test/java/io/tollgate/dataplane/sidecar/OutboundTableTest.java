package io.tollgate.dataplane.sidecar;

import io.tollgate.dataplane.pod.HostName;
import io.tollgate.dataplane.pod.ServiceAddresses;
import io.tollgate.policy.route.HostPort;
import io.tollgate.policy.route.Hostname;
import io.tollgate.policy.route.IpLiteral;
import io.tollgate.policy.route.LoadBalancer;
import io.tollgate.policy.route.OutboundPolicy;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.Resolution;
import io.tollgate.policy.route.SidecarRoutes;
import io.tollgate.policy.route.Upstream;
import io.tollgate.policy.route.UpstreamTls;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundTableTest {
    private static final HostPort RDS = HostPort.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com", 3306);
    private static final HostPort RDS_ADMIN = HostPort.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com", 3307);
    private static final HostPort CACHE = HostPort.of("cache.example.com", 6379);
    private static final HostPort BY_ADDRESS = HostPort.of("10.9.8.7", 5432);
    private static final Upstream DIRECT = new Upstream(Hostname.of("upstream.example.com"), PortNumber.of(1), List.of(),
            Resolution.DNS, new UpstreamTls.Disabled(), LoadBalancer.ROUND_ROBIN);

    private static SidecarRoutes routes(HostPort... destinations) {
        return SidecarFixture.routes("v", OutboundPolicy.REGISTRY_ONLY, List.of(destinations), destination -> DIRECT);
    }

    @Test
    void eachRegisteredHostNameGetsTheServiceAddressPodsHostsFilesUse() {
        OutboundTable table = OutboundTable.of(routes(RDS, RDS_ADMIN, CACHE, BY_ADDRESS), Map.of(), ServiceAddresses.none());
        ServiceAddresses expected = ServiceAddresses.none().assign(List.of(HostName.of(CACHE.host().text()), HostName.of(RDS.host().text())));
        InetAddress rds = expected.addressOf(HostName.of(RDS.host().text())).orElseThrow();
        InetAddress cache = expected.addressOf(HostName.of(CACHE.host().text())).orElseThrow();

        assertThat(table.listeners()).containsExactly(
                new OutboundListener(CACHE, new InetSocketAddress(cache, 6379)),
                new OutboundListener(RDS, new InetSocketAddress(rds, 3306)),
                new OutboundListener(RDS_ADMIN, new InetSocketAddress(rds, 3307)));
        assertThat(table.hosts()).containsExactly(Map.entry(HostName.of(CACHE.host().text()), cache),
                Map.entry(HostName.of(RDS.host().text()), rds));
        assertThat(HostsFileWriter.render(table.listeners())).isEqualTo(
                "# Written by tollgate sidecar: registered hosts and the loopback addresses its outbound listeners use.\n"
                        + cache.getHostAddress() + "\tcache.example.com\n"
                        + rds.getHostAddress() + "\trm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com\n");
    }

    @Test
    void aCapturedAddressReadsBackAsItsHostOrStaysAnAddress() {
        InetAddress pin = InetAddress.ofLiteral("127.0.0.7");
        OutboundTable table = OutboundTable.of(routes(RDS, CACHE), Map.of((Hostname) CACHE.host(), pin), ServiceAddresses.none());
        InetAddress rds = table.hosts().get(HostName.of(RDS.host().text()));

        assertThat(table.destinationOf(new InetSocketAddress(rds, 3306))).isEqualTo(RDS);
        assertThat(table.destinationOf(new InetSocketAddress(rds, 80))).isEqualTo(HostPort.of(RDS.host().text(), 80));
        assertThat(table.destinationOf(new InetSocketAddress(pin, 6379))).isEqualTo(CACHE);
        assertThat(table.destinationOf(new InetSocketAddress("10.1.2.3", 3306)))
                .isEqualTo(new HostPort(IpLiteral.of("10.1.2.3"), PortNumber.of(3306)));
        assertThat(table.listeners()).contains(new OutboundListener(CACHE, new InetSocketAddress(pin, 6379)));
    }

    @Test
    void aHostThatLeavesKeepsItsAddressSoItReadsAsUnregisteredNotAsLoopback() {
        OutboundTable before = OutboundTable.of(routes(RDS, CACHE), Map.of(), ServiceAddresses.none());
        InetAddress cache = before.hosts().get(HostName.of(CACHE.host().text()));

        OutboundTable after = OutboundTable.of(routes(RDS), Map.of(), before.services());

        assertThat(after.listeners()).extracting(OutboundListener::destination).containsExactly(RDS);
        assertThat(after.destinationOf(new InetSocketAddress(cache, 6379))).isEqualTo(CACHE);
        assertThat(OutboundTable.of(routes(RDS, CACHE), Map.of(), after.services()).hosts())
                .containsEntry(HostName.of(CACHE.host().text()), cache);
    }

    @Test
    void aNameNoHostsFileCanCarryGetsNoAddress() {
        HostPort srv = HostPort.of("_mysql.example.com", 3306);
        OutboundTable table = OutboundTable.of(routes(srv, RDS), Map.of(), ServiceAddresses.none());
        assertThat(table.unaddressable()).containsExactly((Hostname) srv.host());
        assertThat(table.listeners()).extracting(OutboundListener::destination).containsExactly(RDS);
    }
}
