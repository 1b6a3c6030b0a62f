package io.tollgate.policy.authz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Address literals as Go's {@code netip} (and so Istio) reads them, and printing them back. */
class IpAddressTest {
    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
            "10.1.2.3, 10.1.2.3", "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255",
            "::1, ::1", "2001:DB8:0:0:0:0:0:1, 2001:db8::1", "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "::, ::", "fe80::, fe80::", "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            // An IPv4-mapped literal stays IPv6, as in Go.
            "::ffff:1.2.3.4, ::ffff:102:304",
    })
    void parsesAndPrints(String literal, String printed) {
        assertThat(IpAddress.parse(literal)).hasToString(printed);
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {"", "10.1.2", "10.1.2.3.4", "010.1.2.3", "10.1.2.256", "10.1.2.-1", "a.b.c.d", "localhost",
            "[::1]", "fe80::1%eth0", ":::", "1.2.3.4/8", " 10.1.2.3"})
    void rejectsWhatGoRejectsAndNeverResolves(String literal) {
        assertThatThrownBy(() -> IpAddress.parse(literal)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMappedFormIsAnotherAddressThanTheIpv4One() {
        assertThat(IpAddress.parse("::ffff:1.2.3.4")).isNotEqualTo(IpAddress.parse("1.2.3.4"));
        assertThat(IpAddress.parse("::ffff:1.2.3.4").isIpv4()).isFalse();
    }

    @Test
    void fromASocketAddress() throws Exception {
        assertThat(IpAddress.of(InetAddress.getByAddress(new byte[]{10, 0, 0, 1}))).isEqualTo(IpAddress.parse("10.0.0.1"));
        byte[] v6 = new byte[16];
        v6[15] = 1;
        assertThat(IpAddress.of(InetAddress.getByAddress(v6))).isEqualTo(IpAddress.parse("::1"));
    }
}
