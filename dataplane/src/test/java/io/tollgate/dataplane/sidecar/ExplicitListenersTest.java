package io.tollgate.dataplane.sidecar;

import io.tollgate.policy.route.Hostname;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExplicitListenersTest {
    private static final Hostname RDS = Hostname.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
    private static final Hostname CACHE = Hostname.of("cache.example.com");

    private static ExplicitListeners pin(Map<Hostname, String> pins) {
        Map<Hostname, InetAddress> addresses = new HashMap<>();
        pins.forEach((host, address) -> addresses.put(host, InetAddress.ofLiteral(address)));
        return new ExplicitListeners(addresses, Optional.empty());
    }

    @Test
    void aPinMustBeIpv4LoopbackOutsideTheAllocatedRangeAndNotShared() {
        assertThatThrownBy(() -> pin(Map.of(RDS, "10.0.0.5")))
                .hasMessage("bind rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com=10.0.0.5: the address must be an IPv4 loopback"
                        + " address (127.0.0.0/8): the sidecar only listens on loopback");
        assertThatThrownBy(() -> pin(Map.of(RDS, "::1"))).hasMessageContaining("IPv4 loopback");
        assertThatThrownBy(() -> pin(Map.of(RDS, "127.255.1.2")))
                .hasMessageContaining("127.255.0.0/16 is where service addresses are allocated");
        assertThatThrownBy(() -> pin(Map.of(RDS, "127.0.0.9", CACHE, "127.0.0.9")))
                .hasMessageContaining("is already pinned for");
    }
}
