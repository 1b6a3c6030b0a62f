package io.tollgate.dataplane.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.dataplane.capture.SocketMark;
import org.junit.jupiter.api.Test;

class CaptureRulesTest {
    @Test
    void exemptsTheSidecarMarkAndTheCapturePortThenRedirectsAllTcp() {
        String rules = new CaptureRules(15001, new SocketMark(0x539)).ipv4();

        assertThat(rules.lines().filter(l -> l.startsWith("-A OUTPUT"))).containsExactly(
                "-A OUTPUT -p tcp -m mark --mark 0x539 -m comment --comment \"tollgate: sidecar sockets are not captured\" -j RETURN",
                "-A OUTPUT -d 127.0.0.1/32 -p tcp --dport 15001 -m comment --comment \"tollgate: already at the capture port\" -j RETURN",
                "-A OUTPUT -p tcp -m comment --comment \"tollgate: all other TCP to the sidecar\" -j REDIRECT --to-ports 15001",
                "-A OUTPUT -o lo -j ACCEPT",
                "-A OUTPUT -d 127.0.0.1/32 -p tcp --dport 15001 -m comment --comment \"tollgate: captured\" -j ACCEPT",
                "-A OUTPUT -p tcp -m comment --comment \"tollgate: nothing leaves the pod but through the sidecar\" -j REJECT --reject-with tcp-reset",
                "-A OUTPUT -m comment --comment \"tollgate: nothing leaves the pod but through the sidecar\" -j DROP");
        assertThat(rules).contains("*nat", "*filter").containsPattern("(?s)\\*nat.*COMMIT.*\\*filter.*COMMIT");
    }

    @Test
    void ipv6UsesIpv6Loopback() {
        assertThat(new CaptureRules(16000, SocketMark.SIDECAR).ipv6())
                .contains("-A OUTPUT -d ::1/128 -p tcp --dport 16000 ")
                .contains("REDIRECT --to-ports 16000")
                .doesNotContain("127.0.0.1");
    }

    @Test
    void rejectsPortsOutOfRange() {
        assertThatThrownBy(() -> new CaptureRules(0, SocketMark.SIDECAR)).hasMessageContaining("not 1..65535");
        assertThatThrownBy(() -> new CaptureRules(70000, SocketMark.SIDECAR)).hasMessageContaining("not 1..65535");
    }
}
