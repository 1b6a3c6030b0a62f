package io.tollgate.dataplane.pod;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ServiceAddressesTest {
    private static final HostName RDS = HostName.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
    private static final HostName OTHER = HostName.of("db2.example.com");

    @Test
    void everyHostGetsADistinctAddressIn127_255AndMapsBack() {
        List<HostName> hosts = IntStream.range(0, 2000).mapToObj(i -> HostName.of("db" + i + ".example.com")).toList();
        ServiceAddresses table = ServiceAddresses.none().assign(hosts);

        assertThat(new HashSet<>(table.asMap().values())).hasSize(2000);
        for (HostName host : hosts) {
            InetAddress address = table.addressOf(host).orElseThrow();
            byte[] b = address.getAddress();
            assertThat(new int[] {b[0], b[1] & 0xff}).containsExactly(127, 255);
            assertThat(address.getHostAddress()).isNotIn("127.255.0.0", "127.255.255.255");
            assertThat(table.hostOf(address)).contains(host);
        }
    }

    @Test
    void addressesAreStableAcrossAssignmentsAndProcesses() {
        ServiceAddresses first = ServiceAddresses.none().assign(List.of(RDS));
        ServiceAddresses grown = first.assign(List.of(OTHER, RDS));
        ServiceAddresses otherOrder = ServiceAddresses.none().assign(List.of(OTHER)).assign(List.of(RDS));

        assertThat(grown.addressOf(RDS)).isEqualTo(first.addressOf(RDS));
        // No collision between these two names, so the order of assignment does not matter: a separate process
        // that assigns the same hosts gets the same addresses.
        assertThat(otherOrder.asMap()).isEqualTo(grown.asMap());
    }

    @Test
    void collisionsMoveToAFreeAddressWithoutDisturbingEarlierHosts() {
        List<HostName> many = new ArrayList<>();
        IntStream.range(0, 65534).forEach(i -> many.add(HostName.of("h" + i + ".test")));
        ServiceAddresses full = ServiceAddresses.none().assign(many.subList(0, 65533));
        Map<HostName, InetAddress> before = full.asMap();
        ServiceAddresses last = full.assign(List.of(many.get(65533)));

        assertThat(last.asMap()).containsAllEntriesOf(before);
        assertThat(new HashSet<>(last.asMap().values())).hasSize(65534);
    }

    @Test
    void unknownAddressesAndHostsAreEmpty() throws Exception {
        ServiceAddresses table = ServiceAddresses.none().assign(List.of(RDS));
        assertThat(table.addressOf(OTHER)).isEmpty();
        assertThat(table.hostOf(InetAddress.getByName("10.1.2.3"))).isEmpty();
    }
}
